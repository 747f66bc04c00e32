# The only shortest path from the Acciaiuoli to the Strozzi runs through the
# Medici and the Ridolfi; Pucci married no one.
$TIES --db "$DB" import -q graphs/florentine-families 2>/dev/null
$TIES --db "$DB" path Acciaiuoli Strozzi --relation-kind marriage --all
$TIES --db "$DB" path Pucci Medici --relation-kind marriage; echo "exit $?"
$TIES --db "$DB" path Acciaiuoli Strozzi --relation-kind marriage --max-length 2; echo "exit $?"
$TIES --db "$DB" path Acciaiuoli Strozzi --weighted | head -n 1
