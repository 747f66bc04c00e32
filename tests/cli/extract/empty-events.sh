# Events: a room is none, nor a list of activities; attending a signing
# signs nothing; political consultations, a transitive "met" and a body
# "chaired by" someone are meetings; "US Congress" is no congress; a
# ministerial forum of two countries is a meeting, a forum a conference.
. tests/cli/lib.inc
extract_each event role <<'TEXTS'
The delegation was received in the Senate Conference Hall of the University of Lagos.
The institute organises seminars, symposia, conferences and workshops every year.
Ambassador John Smith attended the signing of the MoU between the Institute of Peace and the University of Lagos.
The two ministries held political consultations in Astana.
Foreign Minister Ali Khan met the Secretary General of ASEAN Kao Kim Hourn.
During the visit, the delegates will engage with US Congress members.
The Union Cabinet chaired by the Prime Minister discussed the budget.
Daffodil International University signs two Memoranda of Understanding with VIT University.
The International Institute for Central Asia (IICA) hosted a roundtable with Timofei Bordachev, Program Director of the Valdai International Discussion Club.
The 25th Australia-Papua New Guinea Ministerial Forum was held in Canberra.
The Boao Forum for Asia opened in Hainan.
TEXTS
