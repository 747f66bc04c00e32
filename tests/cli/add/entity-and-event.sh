# Hand entry: an entity, a source, an event with participants, a relation.
$TIES --db "$DB" add entity nigar-aide --kind Person --name "Aide to Dr. Nigar" --country Pakistan --alias "N. Aide" --attr title=Analyst; echo "exit $?"
$TIES --db "$DB" add source note-1 --title "Field notes" --date 2025-05; echo "exit $?"
$TIES --db "$DB" add event visit-2025-05 --kind visit --date 2025-05-02 --title "Visit to ICCA RAS" --place icca-ras --source-id note-1 host=icca-ras attendee=nigar-aide attendee="Neelum Nigar"; echo "exit $?"
$TIES --db "$DB" add relation nigar-aide issi-csp --kind member_of --role Analyst --start 2024 --source-id note-1; echo "exit $?"
$TIES --db "$DB" show "N. Aide"
