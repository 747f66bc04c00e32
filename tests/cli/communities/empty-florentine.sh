# The best of 20 seeds on the Florentine marriages, Leiden (the default)
# then Louvain; the modularity goes to stderr.
$TIES --db "$DB" import -q graphs/florentine-families 2>/dev/null
$TIES --db "$DB" communities --relation-kind marriage --runs 20
$TIES --db "$DB" communities --relation-kind marriage --method louvain --runs 20 --format csv
$TIES --db "$DB" communities --relation-kind marriage --method leiden --seed 3 --format csv
$TIES --db "$DB" communities --relation-kind marriage --runs 5 --pairs --format csv | head -n 5
