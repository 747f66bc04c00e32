// Kuzu (the embedded graph database, from npm) on the benchmark's data.
//
//   node kuzu.js copy CSVDIR DB      the four import tables by COPY
//   node kuzu.js ties DB TSV         load the tie list (for the analyses)
//   node kuzu.js pagerank DB         PageRank on the tie graph (algo)
//   node kuzu.js louvain DB OUT      Louvain on the tie graph; OUT gets
//                                    "id<TAB>community" lines
//   node kuzu.js path DB A B         one shortest path (a cold process)
//
// Answers go to stdout. NODE_PATH must find the kuzu package.
"use strict";
const fs = require("fs");
const path = require("path");
const kuzu = require("kuzu");

async function q(c, text) {
  const r = await c.query(text);
  return r;
}

async function main() {
  const [what, a, b, d] = process.argv.slice(2);
  if (what === "copy") {
    const db = new kuzu.Database(b);
    const c = new kuzu.Connection(db);
    await q(c, "CREATE NODE TABLE Source(id STRING, title STRING, url STRING, publisher STRING, date STRING, PRIMARY KEY(id))");
    await q(c, "CREATE NODE TABLE Entity(id STRING, kind STRING, name STRING, country STRING, aliases STRING, PRIMARY KEY(id))");
    await q(c, "CREATE NODE TABLE Event(id STRING, kind STRING, date STRING, title STRING, place STRING, source_id STRING, PRIMARY KEY(id))");
    await q(c, "CREATE REL TABLE Took_part(FROM Event TO Entity, role STRING)");
    await q(c, "CREATE REL TABLE Rel(FROM Entity TO Entity, kind STRING, role STRING, start STRING, end_date STRING, source_id STRING)");
    const o = "(header=true, quote='\"', escape='\"')";
    await q(c, `COPY Source FROM '${path.join(a, "sources.csv")}' ${o}`);
    await q(c, `COPY Entity FROM '${path.join(a, "entities.csv")}' ${o}`);
    await q(c, `COPY Event FROM '${path.join(a, "events.csv")}' ${o}`);
    await q(c, `COPY Took_part FROM '${path.join(a, "participants.csv")}' ${o}`);
    await q(c, `COPY Rel FROM '${path.join(a, "relations.csv")}' ${o}`);
    const r = await q(c, "MATCH ()-[t:Took_part]->() RETURN count(t)");
    console.log("participations " + Object.values((await r.getAll())[0])[0]);
  } else if (what === "ties") {
    const db = new kuzu.Database(a);
    const c = new kuzu.Connection(db);
    const ids = new Set();
    for (const line of fs.readFileSync(b, "utf8").split("\n")) {
      if (!line) continue;
      const [x, y] = line.split("\t");
      ids.add(x);
      ids.add(y);
    }
    const nodes = b + ".nodes.csv";
    fs.writeFileSync(nodes, [...ids].join("\n") + "\n");
    await q(c, "CREATE NODE TABLE N(id STRING, PRIMARY KEY(id))");
    await q(c, "CREATE REL TABLE Tie(FROM N TO N, weight DOUBLE)");
    await q(c, `COPY N FROM '${nodes}' (header=false)`);
    // Kuzu reads by extension: the tie list under a .csv name.
    const tsv = b + ".csv";
    if (fs.existsSync(tsv)) fs.unlinkSync(tsv);
    fs.symlinkSync(path.resolve(b), tsv);
    await q(c, `COPY Tie FROM '${tsv}' (header=false, delim='\t')`);
    fs.unlinkSync(nodes);
    fs.unlinkSync(tsv);
  } else if (what === "pagerank" || what === "louvain") {
    const db = new kuzu.Database(a);
    const c = new kuzu.Connection(db);
    await q(c, "LOAD algo");
    await q(c, "CALL project_graph('G', ['N'], ['Tie'])");
    if (what === "pagerank") {
      const r = await q(c, "CALL page_rank('G') RETURN node.id AS id, rank ORDER BY rank DESC LIMIT 1");
      const row = (await r.getAll())[0];
      console.log("top " + row.id + " " + row.rank.toFixed(10));
    } else {
      const r = await q(c, "CALL louvain('G') RETURN node.id AS id, louvain_id AS c");
      const rows = await r.getAll();
      fs.writeFileSync(b, rows.map((x) => x.id + "\t" + x.c).join("\n") + "\n");
      console.log("communities " + new Set(rows.map((x) => x.c)).size);
    }
  } else if (what === "path") {
    const db = new kuzu.Database(a, 0, true, true);
    const c = new kuzu.Connection(db);
    const r = await q(c, `MATCH p = (x:N {id: '${b}'})-[:Tie* SHORTEST 1..30]-(y:N {id: '${d}'}) RETURN length(p) AS hops`);
    const rows = await r.getAll();
    console.log(rows.length ? "hops " + rows[0].hops : "no path");
  } else {
    console.error("kuzu.js: copy, ties, pagerank, louvain or path");
    process.exit(2);
  }
}

main().catch((e) => {
  console.error("kuzu.js: " + e.message);
  process.exit(1);
});
