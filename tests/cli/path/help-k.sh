# --k promises what the code does: paths may share some intermediaries.
$TIES path --help | grep -A2 -- '--k N'
