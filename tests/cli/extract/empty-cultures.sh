# Names and titles of many house styles: a month abbreviated with a full
# stop, a domain in a dateline, an ambassador's own country, a counterpart
# named by demonym, short given names that are English words ("He"), a
# title inside a Malay name, a plural title that is no name, initials,
# "Gabon-based" (where, not a name), an acronym of a translated name.
. tests/cli/lib.inc
extract_each person institution country date <<'TEXTS'
Assoc.Prof.Dr. Nguyen Thi Lan of Hanoi University met the delegation on Nov. 2, 2023.
EXAMPLE.COM - The Minister of Education Ali Khan met the delegation.
H.E. Mr. Ahmed Hassan, Ambassador Extraordinary and Plenipotentiary of Egypt to Russia, visited the Institute.
Minister Kim Min-jun met his Chinese counterpart Wang Yi in Seoul.
Dr. He Wei of Peking University and Sheikh Faisal bin Ahmed Al-Thani signed the agreement.
Dato' Lim King Hock, Director of the Malaysian Institute, visited Tokyo.
The Director Generals of CSIS and ISSI held a meeting in Jakarta.
Vice Chancellor Prof Dr Ian G Campbell signed the agreement with G D Sharma, vice chancellor, USTM.
The Gabon-based International University of Libreville (UIL) signed an MoU; UIL will host students.
Prime Minister John Key met Premier Li Keqiang in Beijing.
Under Secretary for Public Diplomacy and Public Affairs Judith A. McHale signed the statement.
Mr. Md. Sabur Khan, Chairman, and Dato' Mohd. Ali Rahman signed the MoU.
The Instituto de Astrofísica de Canarias (IAC), the Université de Genève and the Institut für Weltwirtschaft signed an agreement.
Premier Li Keqiang thanked Prime Minister John Key. Premier Li and Mr. Key then met the press.
Deputy Colm Burke asked the Minister for Foreign Affairs about the meeting.
TEXTS
