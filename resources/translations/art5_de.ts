<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Art5 Assessor</source>
            <translation>Über Art5 Assessor</translation>
        </message>
    </context>
    <context>
        <name>CountryCombo</name>
        <message>
            <source>Type to search, e.g. Germany or DE</source>
            <translation>Zum Suchen tippen, z. B. Deutschland oder DE</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Art5 Assessor: unexpected error</source>
            <translation>Art5 Assessor: unerwarteter Fehler</translation>
        </message>
        <message>
            <source>Something went wrong inside the program. Every answer you gave was saved when you gave it, so nothing is lost. You can keep working, or restart the program.

If the error comes back, send the details below to your support contact.</source>
            <translation>Im Programm ist ein Fehler aufgetreten. Jede Antwort wurde gespeichert, als Sie sie gegeben haben; es ist also nichts verloren. Sie können weiterarbeiten oder das Programm neu starten.

Wenn der Fehler wieder auftritt, senden Sie die Angaben unten an Ihren Support.</translation>
        </message>
        <message>
            <source>Log folder: %s</source>
            <translation>Protokollordner: %s</translation>
        </message>
        <message>
            <source>&amp;Copy details</source>
            <translation>Details &amp;kopieren</translation>
        </message>
        <message>
            <source>Open the &amp;log folder</source>
            <translation>&amp;Protokollordner öffnen</translation>
        </message>
    </context>
    <context>
        <name>DateWidget</name>
        <message>
            <source>Calendar…</source>
            <translation>Kalender…</translation>
        </message>
    </context>
    <context>
        <name>DestinationMeasuresBox</name>
        <message>
            <source>No EU destination measure is recorded for %s in the reference data.</source>
            <translation>Für %s ist in den Referenzdaten keine EU-Maßnahme für das Bestimmungsland erfasst.</translation>
        </message>
        <message>
            <source>EU measures for %s</source>
            <translation>EU-Maßnahmen für %s</translation>
        </message>
    </context>
    <context>
        <name>DraftDialog</name>
        <message>
            <source>Sign the PDF</source>
            <translation>PDF signieren</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exportieren…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Folder for the draft</source>
            <translation>Ordner für den Entwurf</translation>
        </message>
        <message>
            <source>Passphrase of your signing identity, to sign the PDF:</source>
            <translation>Passphrase Ihrer Signaturidentität, um das PDF zu signieren:</translation>
        </message>
        <message>
            <source>Not exported (cancelled).</source>
            <translation>Nicht exportiert (abgebrochen).</translation>
        </message>
        <message>
            <source>Read and complete the end-user statement before you send it to your customer for signature: replace every “[to complete]”. Lines starting with “# ” are headings, “- ” list items. Export writes the PDF and the Word file, which the customer signs and returns; keep the signed copy with the assessment.</source>
            <translation>Lesen und vervollständigen Sie die Endverbleibserklärung, bevor Sie sie Ihrem Kunden zur Unterschrift senden: Ersetzen Sie jedes „[to complete]“. Zeilen, die mit „# “ beginnen, sind Überschriften, „- “ Aufzählungspunkte. Der Export schreibt die PDF- und die Word-Datei, die der Kunde unterschreibt und zurücksendet; bewahren Sie die unterschriebene Fassung bei der Prüfung auf.</translation>
        </message>
        <message>
            <source>Read and complete the draft: replace every “[to complete]” and check the parts marked “to verify”. Lines starting with “# ” are headings, “- ” list items. Export writes the PDF, the Word file and the text from this text.</source>
            <translation>Lesen und vervollständigen Sie den Entwurf: Ersetzen Sie jedes „[to complete]“ und prüfen Sie die mit „to verify“ markierten Stellen. Zeilen, die mit „# “ beginnen, sind Überschriften, „- “ Aufzählungspunkte. Der Export schreibt aus diesem Text die PDF-, die Word- und die Textdatei.</translation>
        </message>
        <message>
            <source> (to verify)</source>
            <translation> (zu prüfen)</translation>
        </message>
        <message>
            <source>How to send it: </source>
            <translation>So wird sie übermittelt: </translation>
        </message>
        <message>
            <source>For you (not printed in the document): </source>
            <translation>Für Sie (nicht im Dokument gedruckt): </translation>
        </message>
        <message>
            <source>Start &amp;again from the assessment</source>
            <translation>Aus der Prüfung &amp;neu beginnen</translation>
        </message>
        <message>
            <source>The draft could not be saved: %1</source>
            <translation>Der Entwurf konnte nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>%1 place(s) left to complete: %2</source>
            <translation>Noch %1 Stelle(n) zu vervollständigen: %2</translation>
        </message>
        <message>
            <source>Not exported: places are left to complete.</source>
            <translation>Nicht exportiert: Es sind noch Stellen zu vervollständigen.</translation>
        </message>
        <message>
            <source>Characters the PDF cannot show</source>
            <translation>Zeichen, die das PDF nicht darstellen kann</translation>
        </message>
        <message>
            <source>Writing the draft (%1)…</source>
            <translation>Entwurf wird geschrieben (%1)…</translation>
        </message>
        <message>
            <source>Written: %1</source>
            <translation>Geschrieben: %1</translation>
        </message>
        <message>
            <source> (PDF signed)</source>
            <translation> (PDF signiert)</translation>
        </message>
        <message>
            <source>Your edited draft (saved %1) is shown.</source>
            <translation>Ihr bearbeiteter Entwurf (gespeichert %1) wird angezeigt.</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>After the notification: %1</source>
            <translation>Nach der Meldung: %1</translation>
        </message>
        <message>
            <source>Notification sent</source>
            <translation>Meldung gesendet</translation>
        </message>
        <message>
            <source>authority's portal</source>
            <translation>Portal der Behörde</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>post</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>fax</source>
            <translation>Fax</translation>
        </message>
        <message>
            <source>in person</source>
            <translation>persönlich</translation>
        </message>
        <message>
            <source>other</source>
            <translation>anderer Weg</translation>
        </message>
        <message>
            <source>Sent on:</source>
            <translation>Gesendet am:</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Weg:</translation>
        </message>
        <message>
            <source>Authority's reference:</source>
            <translation>Aktenzeichen der Behörde:</translation>
        </message>
        <message>
            <source>Record as &amp;sent</source>
            <translation>Als &amp;gesendet erfassen</translation>
        </message>
        <message>
            <source>The authority's answer</source>
            <translation>Antwort der Behörde</translation>
        </message>
        <message>
            <source>licence required</source>
            <translation>Genehmigung erforderlich</translation>
        </message>
        <message>
            <source>licence not required</source>
            <translation>keine Genehmigung erforderlich</translation>
        </message>
        <message>
            <source>no decision</source>
            <translation>keine Entscheidung</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Auswählen…</translation>
        </message>
        <message>
            <source>Decision:</source>
            <translation>Entscheidung:</translation>
        </message>
        <message>
            <source>Received on:</source>
            <translation>Erhalten am:</translation>
        </message>
        <message>
            <source>Reply (file):</source>
            <translation>Antwort (Datei):</translation>
        </message>
        <message>
            <source>Record the &amp;answer</source>
            <translation>&amp;Antwort erfassen</translation>
        </message>
        <message>
            <source>Shipment</source>
            <translation>Versand</translation>
        </message>
        <message>
            <source>Hold the shipment until the authority decided</source>
            <translation>Versand zurückhalten, bis die Behörde entschieden hat</translation>
        </message>
        <message>
            <source>why the hold is lifted (e.g. the licence number)</source>
            <translation>warum die Sperre aufgehoben wird (z. B. die Genehmigungsnummer)</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Übernehmen</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>Grund:</translation>
        </message>
        <message>
            <source>Mark as &amp;shipped today</source>
            <translation>Heute als &amp;versandt markieren</translation>
        </message>
        <message>
            <source>to verify</source>
            <translation>zu prüfen</translation>
        </message>
        <message>
            <source>The authority's reply</source>
            <translation>Antwort der Behörde</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Nicht gespeichert</translation>
        </message>
    </context>
    <context>
        <name>GroupRow</name>
        <message>
            <source>(optional)</source>
            <translation>(optional)</translation>
        </message>
        <message>
            <source>Remove this entry</source>
            <translation>Diesen Eintrag entfernen</translation>
        </message>
        <message>
            <source>Remove entry %1</source>
            <translation>Eintrag %1 entfernen</translation>
        </message>
    </context>
    <context>
        <name>GroupWidget</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>Add an entry</source>
            <translation>Eintrag hinzufügen</translation>
        </message>
        <message>
            <source>Entry %1 removed%2.</source>
            <translation>Eintrag %1 entfernt%2.</translation>
        </message>
    </context>
    <context>
        <name>IdentityDialog</name>
        <message>
            <source>Signing identity</source>
            <translation>Signaturidentität</translation>
        </message>
        <message>
            <source>Create a key and a certificate made by your company (self-signed), or import one from a certification authority or an eID (PKCS#12, .p12/.pfx). The key is stored encrypted with your passphrase; the passphrase is never stored.</source>
            <translation>Erstellen Sie einen Schlüssel und ein von Ihrem Unternehmen ausgestelltes (selbstsigniertes) Zertifikat, oder importieren Sie eines von einer Zertifizierungsstelle oder einer eID (PKCS#12, .p12/.pfx). Der Schlüssel wird mit Ihrer Passphrase verschlüsselt gespeichert; die Passphrase selbst wird nie gespeichert.</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Ihr Name</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>Country (2 letters)</source>
            <translation>Land (2 Buchstaben)</translation>
        </message>
        <message>
            <source>Passphrase (8+ characters)</source>
            <translation>Passphrase (mindestens 8 Zeichen)</translation>
        </message>
        <message>
            <source>Repeat the passphrase</source>
            <translation>Passphrase wiederholen</translation>
        </message>
        <message>
            <source>&amp;Create identity</source>
            <translation>Identität &amp;erstellen</translation>
        </message>
        <message>
            <source>&amp;Import .p12…</source>
            <translation>&amp;.p12 importieren…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>No signing identity yet: reports are written unsigned.</source>
            <translation>Noch keine Signaturidentität: Berichte werden unsigniert geschrieben.</translation>
        </message>
        <message>
            <source>EXPIRED</source>
            <translation>ABGELAUFEN</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>gültig</translation>
        </message>
        <message>
            <source>Current identity: %1 (%2), %3 until %4
SHA-256: %5</source>
            <translation>Aktuelle Identität: %1 (%2), %3 bis %4
SHA-256: %5</translation>
        </message>
        <message>
            <source>Replace with a &amp;new identity</source>
            <translation>Durch eine &amp;neue Identität ersetzen</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
        </message>
        <message>
            <source>Replace the identity?</source>
            <translation>Identität ersetzen?</translation>
        </message>
        <message>
            <source>Reports signed with the current key stay valid, but new reports will carry the new fingerprint. Replace it?</source>
            <translation>Mit dem aktuellen Schlüssel signierte Berichte bleiben gültig, neue Berichte tragen aber den neuen Fingerabdruck. Ersetzen?</translation>
        </message>
        <message>
            <source>Identity created. Give this fingerprint to whoever checks your reports: %1</source>
            <translation>Identität erstellt. Geben Sie diesen Fingerabdruck allen, die Ihre Berichte prüfen: %1</translation>
        </message>
        <message>
            <source>Import a signing identity</source>
            <translation>Signaturidentität importieren</translation>
        </message>
        <message>
            <source>PKCS#12 (*.p12 *.pfx)</source>
            <translation>PKCS#12 (*.p12 *.pfx)</translation>
        </message>
        <message>
            <source>Passphrase of %1:</source>
            <translation>Passphrase von %1:</translation>
        </message>
        <message>
            <source>Identity imported.</source>
            <translation>Identität importiert.</translation>
        </message>
    </context>
    <context>
        <name>ListsDialog</name>
        <message>
            <source>Sanctions lists</source>
            <translation>Sanktionslisten</translation>
        </message>
        <message>
            <source>Parties are screened offline against these lists. Download the EU consolidated financial sanctions list (XML or CSV) or the UN Security Council consolidated list (XML) with your browser, then import the file here.</source>
            <translation>Beteiligte werden offline mit diesen Listen abgeglichen. Laden Sie die konsolidierte Finanzsanktionsliste der EU (XML oder CSV) oder die konsolidierte Liste des UN-Sicherheitsrats (XML) mit Ihrem Browser herunter und importieren Sie die Datei hier.</translation>
        </message>
        <message>
            <source>Imported sanctions lists</source>
            <translation>Importierte Sanktionslisten</translation>
        </message>
        <message>
            <source>List</source>
            <translation>Liste</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>Entities</source>
            <translation>Einträge</translation>
        </message>
        <message>
            <source>Names</source>
            <translation>Namen</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Import a file…</source>
            <translation>Datei importieren…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>in use</source>
            <translation>in Gebrauch</translation>
        </message>
        <message>
            <source>replaced</source>
            <translation>ersetzt</translation>
        </message>
        <message>
            <source>No list imported yet: parties cannot be screened.</source>
            <translation>Noch keine Liste importiert: Beteiligte können nicht abgeglichen werden.</translation>
        </message>
        <message>
            <source>Older than %d days: %s. Import a newer file.</source>
            <translation>Älter als %d Tage: %s. Importieren Sie eine neuere Datei.</translation>
        </message>
        <message>
            <source>Import a sanctions list</source>
            <translation>Sanktionsliste importieren</translation>
        </message>
        <message>
            <source>Sanctions lists (*.xml *.csv);;All files (*)</source>
            <translation>Sanktionslisten (*.xml *.csv);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Importing %s…</source>
            <translation>%s wird importiert…</translation>
        </message>
        <message>
            <source>%1 entities read</source>
            <translation>%1 Einträge gelesen</translation>
        </message>
        <message>
            <source>Screening saved parties again…</source>
            <translation>Gespeicherte Beteiligte werden erneut abgeglichen…</translation>
        </message>
        <message>
            <source>Importing the sanctions list %1…</source>
            <translation>Sanktionsliste %1 wird importiert…</translation>
        </message>
        <message>
            <source>Import cancelled. The list imported before is still in use.</source>
            <translation>Import abgebrochen. Die zuvor importierte Liste bleibt in Gebrauch.</translation>
        </message>
        <message>
            <source>Not imported: %s. The list imported before is still in use.</source>
            <translation>Nicht importiert: %s. Die zuvor importierte Liste bleibt in Gebrauch.</translation>
        </message>
        <message>
            <source>Imported %s of %s: %d entities, %d names.</source>
            <translation>%s vom %s importiert: %d Einträge, %d Namen.</translation>
        </message>
        <message>
            <source>Saved parties screened again</source>
            <translation>Gespeicherte Beteiligte erneut abgeglichen</translation>
        </message>
        <message>
            <source>The new list changes the screening of saved parties:</source>
            <translation>Die neue Liste ändert den Abgleich gespeicherter Beteiligter:</translation>
        </message>
        <message>
            <source>Saved parties screened again: no change.</source>
            <translation>Gespeicherte Beteiligte erneut abgeglichen: keine Änderung.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Art5 Assessor</source>
            <translation>Art5 Assessor</translation>
        </message>
        <message>
            <source>Opening the register…</source>
            <translation>Register wird geöffnet…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;New assessment</source>
            <translation>&amp;Neue Prüfung</translation>
        </message>
        <message>
            <source>Company &amp;profile…</source>
            <translation>&amp;Unternehmensprofil…</translation>
        </message>
        <message>
            <source>&amp;Signing identity…</source>
            <translation>&amp;Signaturidentität…</translation>
        </message>
        <message>
            <source>Sanctions &amp;lists…</source>
            <translation>Sanktions&amp;listen…</translation>
        </message>
        <message>
            <source>S&amp;ettings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;About Art5 Assessor</source>
            <translation>&amp;Über Art5 Assessor</translation>
        </message>
        <message>
            <source>&amp;Verify a report…</source>
            <translation>Bericht &amp;prüfen…</translation>
        </message>
        <message>
            <source>Register: %s</source>
            <translation>Register: %s</translation>
        </message>
        <message>
            <source>The register could not be opened</source>
            <translation>Das Register konnte nicht geöffnet werden</translation>
        </message>
        <message>
            <source>The register could not be opened:</source>
            <translation>Das Register konnte nicht geöffnet werden:</translation>
        </message>
        <message>
            <source>Register not opened</source>
            <translation>Register nicht geöffnet</translation>
        </message>
        <message>
            <source>The register could not be opened. Nothing was changed.</source>
            <translation>Das Register konnte nicht geöffnet werden. Nichts wurde geändert.</translation>
        </message>
        <message>
            <source>Questionnaire not usable</source>
            <translation>Fragebogen nicht verwendbar</translation>
        </message>
        <message>
            <source>Not saved: %s</source>
            <translation>Nicht gespeichert: %s</translation>
        </message>
        <message>
            <source>Not saved: the register could not be opened</source>
            <translation>Nicht gespeichert: Das Register konnte nicht geöffnet werden</translation>
        </message>
        <message>
            <source>Cannot open the assessment</source>
            <translation>Die Prüfung kann nicht geöffnet werden</translation>
        </message>
        <message>
            <source>Discard this draft?</source>
            <translation>Diesen Entwurf verwerfen?</translation>
        </message>
        <message>
            <source>Discard draft %1 and its answers? This cannot be undone; the discard is recorded in the audit trail.</source>
            <translation>Entwurf %1 mit seinen Antworten verwerfen? Das kann nicht rückgängig gemacht werden; das Verwerfen wird im Prüfpfad festgehalten.</translation>
        </message>
        <message>
            <source>&amp;Team</source>
            <translation>&amp;Team</translation>
        </message>
        <message>
            <source>Team &amp;register and reminders…</source>
            <translation>Team-&amp;Register und Erinnerungen…</translation>
        </message>
        <message>
            <source>&amp;After the notification…</source>
            <translation>&amp;Nach der Meldung…</translation>
        </message>
        <message>
            <source>Re&amp;view…</source>
            <translation>&amp;Prüfung…</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Select an assessment in the register first.</source>
            <translation>Wählen Sie zuerst eine Prüfung im Register aus.</translation>
        </message>
        <message>
            <source>%1 notified export(s) wait for an authority (%2 overdue): Team &gt; Team register</source>
            <translation>%1 gemeldete Ausfuhr(en) warten auf eine Behörde (%2 überfällig): Team &gt; Team-Register</translation>
        </message>
    </context>
    <context>
        <name>MultiChoiceWidget</name>
        <message>
            <source>None of these</source>
            <translation>Nichts davon</translation>
        </message>
    </context>
    <context>
        <name>PartiesScreeningPanel</name>
        <message>
            <source>Parties are screened against the imported sanctions lists as you add them.</source>
            <translation>Beteiligte werden beim Hinzufügen mit den importierten Sanktionslisten abgeglichen.</translation>
        </message>
        <message>
            <source>Not screened: no sanctions list is imported.</source>
            <translation>Nicht abgeglichen: Keine Sanktionsliste importiert.</translation>
        </message>
        <message>
            <source>Import the EU consolidated list with File › Sanctions lists…</source>
            <translation>Importieren Sie die konsolidierte EU-Liste mit Datei › Sanktionslisten…</translation>
        </message>
        <message>
            <source>Screened against: %s</source>
            <translation>Abgeglichen mit: %s</translation>
        </message>
        <message>
            <source>no hit</source>
            <translation>kein Treffer</translation>
        </message>
        <message numerus="yes">
            <source>%n potential hit(s)</source>
            <translation>
                <numerusform>%n möglicher Treffer</numerusform>
                <numerusform>%n mögliche Treffer</numerusform>
            </translation>
        </message>
        <message>
            <source>to review</source>
            <translation>zu prüfen</translation>
        </message>
        <message>
            <source>cleared</source>
            <translation>ausgeräumt</translation>
        </message>
        <message>
            <source>CONFIRMED</source>
            <translation>BESTÄTIGT</translation>
        </message>
        <message>
            <source>Review…</source>
            <translation>Prüfen…</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderDialog</name>
        <message>
            <source>Places left to complete</source>
            <translation>Noch zu vervollständigende Stellen</translation>
        </message>
        <message>
            <source>The draft still has these places to complete. Fill them in, or tick each one to confirm it may stay as it is in the exported files:</source>
            <translation>Der Entwurf enthält noch diese zu vervollständigenden Stellen. Füllen Sie sie aus, oder haken Sie jede an, um zu bestätigen, dass sie in den exportierten Dateien so bleiben darf:</translation>
        </message>
        <message>
            <source>Export with these places</source>
            <translation>Mit diesen Stellen exportieren</translation>
        </message>
    </context>
    <context>
        <name>ProfileDialog</name>
        <message>
            <source>Welcome to Art5 Assessor</source>
            <translation>Willkommen bei Art5 Assessor</translation>
        </message>
        <message>
            <source>Company profile</source>
            <translation>Unternehmensprofil</translation>
        </message>
        <message>
            <source>Tell us who exports. These details go on every report and notification draft. You can change them later under File &gt; Company profile.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Sagen Sie uns, wer ausführt. Diese Angaben stehen auf jedem Bericht und jedem Meldungsentwurf. Sie können sie später unter Datei &gt; Unternehmensprofil ändern.</translation>
        </message>
        <message>
            <source>These details go on every report and notification draft.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Diese Angaben stehen auf jedem Bericht und jedem Meldungsentwurf.</translation>
        </message>
        <message>
            <source>Company name</source>
            <translation>Name des Unternehmens</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Anschrift</translation>
        </message>
        <message>
            <source>EORI number</source>
            <translation>EORI-Nummer</translation>
        </message>
        <message>
            <source>Member State of establishment</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Mitgliedstaat der Niederlassung</translation>
        </message>
        <message>
            <source>Compliance contact</source>
            <translation>Ansprechperson Exportkontrolle</translation>
        </message>
        <message>
            <source>Contact e-mail</source>
            <translation>Kontakt-E-Mail</translation>
        </message>
        <message>
            <source>Contact telephone</source>
            <translation>Telefon der Kontaktperson</translation>
        </message>
        <message>
            <source>Compliance officer</source>
            <translation>Ausfuhrverantwortliche(r) / Compliance-Beauftragte(r)</translation>
        </message>
        <message>
            <source>Your data is kept on this computer only, in %1 (readable by your user account only). Every answer is saved as you give it. A backup is made automatically before every database upgrade and at the interval set in the settings, in the backups folder beside it; Register &gt; Back up the register… writes a copy wherever you like (a USB stick, a network drive).</source>
            <translation>Ihre Daten bleiben nur auf diesem Computer, in %1 (nur für Ihr Benutzerkonto lesbar). Jede Antwort wird gespeichert, sobald Sie sie geben. Vor jeder Aktualisierung der Datenbank und im in den Einstellungen festgelegten Abstand wird automatisch eine Sicherung im Ordner „backups“ daneben angelegt; Register &gt; Register sichern… schreibt eine Kopie, wohin Sie möchten (USB-Stick, Netzlaufwerk).</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Später</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Signing &amp;identity…</source>
            <translation>Signatur&amp;identität…</translation>
        </message>
        <message>
            <source>Reports are signed so that anyone can check they were not changed. Create a signing identity now, or import one (.p12) from a certification authority; you can also do it when you sign your first report.</source>
            <translation>Berichte werden signiert, damit jeder prüfen kann, dass sie nicht verändert wurden. Erstellen Sie jetzt eine Signaturidentität oder importieren Sie eine (.p12) von einer Zertifizierungsstelle; Sie können das auch beim Signieren Ihres ersten Berichts tun.</translation>
        </message>
        <message>
            <source>Signing identity: %1 (%2), SHA-256 %3…</source>
            <translation>Signaturidentität: %1 (%2), SHA-256 %3…</translation>
        </message>
        <message>
            <source>Enter the company name.</source>
            <translation>Geben Sie den Namen des Unternehmens ein.</translation>
        </message>
        <message>
            <source>Choose an EU Member State.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Wählen Sie einen EU-Mitgliedstaat.</translation>
        </message>
        <message>
            <source>Enter an e-mail address like name@example.com.</source>
            <translation>Geben Sie eine E-Mail-Adresse wie name@example.com ein.</translation>
        </message>
    </context>
    <context>
        <name>QuickCheckDialog</name>
        <message>
            <source>Quick check</source>
            <translation>Schnellprüfung</translation>
        </message>
        <message>
            <source>A first answer at the customer's table. It is saved as a draft: finish the full assessment before the export.</source>
            <translation>Eine erste Antwort am Tisch des Kunden. Sie wird als Entwurf gespeichert: Schließen Sie vor der Ausfuhr die vollständige Prüfung ab.</translation>
        </message>
        <message>
            <source>A new product (describe it below)</source>
            <translation>Ein neues Produkt (unten beschreiben)</translation>
        </message>
        <message>
            <source>&amp;Product:</source>
            <translation>&amp;Produkt:</translation>
        </message>
        <message>
            <source>e.g. NetGuard firewall 5</source>
            <translation>z. B. NetGuard Firewall 5</translation>
        </message>
        <message>
            <source>Product &amp;name:</source>
            <translation>Produkt&amp;name:</translation>
        </message>
        <message>
            <source>&amp;Destination:</source>
            <translation>&amp;Bestimmungsland:</translation>
        </message>
        <message>
            <source>Your &amp;Member State:</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Ihr &amp;Mitgliedstaat:</translation>
        </message>
        <message>
            <source>Not known yet</source>
            <translation>Noch nicht bekannt</translation>
        </message>
        <message>
            <source>&amp;End user:</source>
            <translation>&amp;Endverwender:</translation>
        </message>
        <message>
            <source>The customer's name, as on the order</source>
            <translation>Name des Kunden wie auf dem Auftrag</translation>
        </message>
        <message>
            <source>&amp;Customer:</source>
            <translation>&amp;Kunde:</translation>
        </message>
        <message>
            <source>The item</source>
            <translation>Das Gut</translation>
        </message>
        <message>
            <source>No saved product: these questions decide whether Article 5 can apply at all.</source>
            <translation>Kein gespeichertes Produkt: Diese Fragen entscheiden, ob Artikel 5 überhaupt anwendbar sein kann.</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>&amp;Prüfen</translation>
        </message>
        <message>
            <source>Con&amp;tinue to the full assessment</source>
            <translation>&amp;Weiter zur vollständigen Prüfung</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Result of the quick check</source>
            <translation>Ergebnis der Schnellprüfung</translation>
        </message>
        <message>
            <source>Not a cyber-surveillance item</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Kein Gut für digitale Überwachung</translation>
        </message>
        <message>
            <source>Listed in Annex I</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>In Anhang I gelistet</translation>
        </message>
        <message>
            <source>A listed item always needs an export authorisation; Article 5 is the catch-all for items that are not listed.</source>
            <translation>Ein gelistetes Gut braucht immer eine Ausfuhrgenehmigung; Artikel 5 ist die Auffangregel für nicht gelistete Güter.</translation>
        </message>
        <message>
            <source>Choose your Member State (the EU country your company is established in).</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Wählen Sie Ihren Mitgliedstaat (das EU-Land, in dem Ihr Unternehmen niedergelassen ist).</translation>
        </message>
        <message>
            <source>Enter the product's name.</source>
            <translation>Geben Sie den Namen des Produkts ein.</translation>
        </message>
        <message>
            <source>Choose the destination country.</source>
            <translation>Wählen Sie das Bestimmungsland.</translation>
        </message>
        <message>
            <source>The item fails an element of the definition in Art. 2(20) of Regulation (EU) 2021/821, so Article 5 does not apply to it, unless your competent authority has informed you otherwise (the question below). Other controls may still apply: run the check to see them and to keep the reasoning.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Das Gut erfüllt ein Merkmal der Begriffsbestimmung in Art. 2 Nr. 20 der Verordnung (EU) 2021/821 nicht; Artikel 5 ist daher nicht anwendbar, es sei denn, Ihre zuständige Behörde hat Sie anders unterrichtet (Frage unten). Andere Kontrollen können dennoch gelten: Führen Sie die Prüfung aus, um sie zu sehen und die Begründung festzuhalten.</translation>
        </message>
        <message>
            <source>Enter the customer's name.</source>
            <translation>Geben Sie den Namen des Kunden ein.</translation>
        </message>
    </context>
    <context>
        <name>RegisterController</name>
        <message>
            <source>&amp;Register</source>
            <translation>&amp;Register</translation>
        </message>
        <message>
            <source>&amp;Quick check…</source>
            <translation>&amp;Schnellprüfung…</translation>
        </message>
        <message>
            <source>Save the product to the &amp;library…</source>
            <translation>Produkt in der &amp;Bibliothek speichern…</translation>
        </message>
        <message>
            <source>&amp;Attach evidence…</source>
            <translation>Nachweis &amp;anhängen…</translation>
        </message>
        <message>
            <source>&amp;Move the draft to the current questionnaire…</source>
            <translation>Entwurf auf den aktuellen Fragebogen &amp;übertragen…</translation>
        </message>
        <message>
            <source>&amp;Export for transfer…</source>
            <translation>Für die Übergabe &amp;exportieren…</translation>
        </message>
        <message>
            <source>&amp;Import a transfer bundle…</source>
            <translation>Übergabepaket &amp;importieren…</translation>
        </message>
        <message>
            <source>&amp;Back up the register…</source>
            <translation>Register &amp;sichern…</translation>
        </message>
        <message>
            <source>&amp;Verify the audit trail</source>
            <translation>Prüfpfad &amp;verifizieren</translation>
        </message>
        <message>
            <source>Select an assessment</source>
            <translation>Prüfung auswählen</translation>
        </message>
        <message>
            <source>Select an assessment in the register first.</source>
            <translation>Wählen Sie zuerst eine Prüfung im Register aus.</translation>
        </message>
        <message>
            <source>Not duplicated</source>
            <translation>Nicht dupliziert</translation>
        </message>
        <message>
            <source>Title not changed</source>
            <translation>Titel nicht geändert</translation>
        </message>
        <message>
            <source>Only a draft's title can be changed: a finished assessment's title is in its report. Amend the assessment to change it.</source>
            <translation>Nur der Titel eines Entwurfs kann geändert werden: Der Titel einer abgeschlossenen Prüfung steht in ihrem Bericht. Ändern Sie die Prüfung, um ihn zu ändern.</translation>
        </message>
        <message>
            <source>Title of %1</source>
            <translation>Titel von %1</translation>
        </message>
        <message>
            <source>Your own words for this assessment, for example the customer and the order:</source>
            <translation>Ihre eigene Bezeichnung für diese Prüfung, zum Beispiel Kunde und Auftrag:</translation>
        </message>
        <message>
            <source>Amend %1</source>
            <translation>%1 ändern</translation>
        </message>
        <message>
            <source>A finished or signed assessment is not changed: a new version is made and the old one, with its report, is kept.
Why is it amended?</source>
            <translation>Eine abgeschlossene oder signierte Prüfung wird nicht verändert: Es wird eine neue Version angelegt, die alte bleibt mit ihrem Bericht erhalten.
Warum wird sie geändert?</translation>
        </message>
        <message>
            <source>Not amended</source>
            <translation>Nicht geändert</translation>
        </message>
        <message>
            <source>Must be kept</source>
            <translation>Muss aufbewahrt werden</translation>
        </message>
        <message>
            <source>%1 is %2 and must be kept until %3 (Art. 27(3) of Regulation (EU) 2021/821). It cannot be deleted before.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>%1 ist %2 und muss bis %3 aufbewahrt werden (Art. 27 Abs. 3 der Verordnung (EU) 2021/821). Vorher kann sie nicht gelöscht werden.</translation>
        </message>
        <message>
            <source>Delete this record?</source>
            <translation>Diesen Datensatz löschen?</translation>
        </message>
        <message>
            <source>The retention period of %1 ended on %2. Delete it with its answers and attachments? The deletion is recorded in the audit trail.</source>
            <translation>Die Aufbewahrungsfrist von %1 endete am %2. Mit Antworten und Anhängen löschen? Die Löschung wird im Prüfpfad festgehalten.</translation>
        </message>
        <message>
            <source>Not deleted</source>
            <translation>Nicht gelöscht</translation>
        </message>
        <message>
            <source>No product profiles</source>
            <translation>Keine Produktprofile</translation>
        </message>
        <message>
            <source>The product library is empty. Open an assessment whose item questions are answered, then use Register &gt; Save the product to the library.</source>
            <translation>Die Produktbibliothek ist leer. Öffnen Sie eine Prüfung, deren Fragen zum Gut beantwortet sind, und wählen Sie Register &gt; Produkt in der Bibliothek speichern.</translation>
        </message>
        <message>
            <source>Start from a product</source>
            <translation>Mit einem Produkt beginnen</translation>
        </message>
        <message>
            <source>Product:</source>
            <translation>Produkt:</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Nicht begonnen</translation>
        </message>
        <message>
            <source>Save the product</source>
            <translation>Produkt speichern</translation>
        </message>
        <message>
            <source>Name of the product profile:</source>
            <translation>Name des Produktprofils:</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Nicht gespeichert</translation>
        </message>
        <message>
            <source>Product profile “%1” saved (version %2)</source>
            <translation>Produktprofil „%1“ gespeichert (Version %2)</translation>
        </message>
        <message>
            <source>Attach evidence</source>
            <translation>Nachweis anhängen</translation>
        </message>
        <message>
            <source>Datasheet</source>
            <translation>Datenblatt</translation>
        </message>
        <message>
            <source>Signed end-user statement</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Unterschriebene Endverbleibserklärung</translation>
        </message>
        <message>
            <source>Correspondence</source>
            <translation>Schriftverkehr</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Sonstiges</translation>
        </message>
        <message>
            <source>What is it?</source>
            <translation>Was ist es?</translation>
        </message>
        <message>
            <source>Not attached</source>
            <translation>Nicht angehängt</translation>
        </message>
        <message>
            <source>Attached %1 (SHA-256 %2)</source>
            <translation>%1 angehängt (SHA-256 %2)</translation>
        </message>
        <message>
            <source>Cannot move this assessment</source>
            <translation>Diese Prüfung kann nicht übertragen werden</translation>
        </message>
        <message>
            <source>Up to date</source>
            <translation>Aktuell</translation>
        </message>
        <message>
            <source>This draft is on the current questionnaire version.</source>
            <translation>Dieser Entwurf verwendet die aktuelle Fragebogenversion.</translation>
        </message>
        <message>
            <source>Move to questionnaire %1?</source>
            <translation>Auf Fragebogen %1 übertragen?</translation>
        </message>
        <message>
            <source>Export for transfer</source>
            <translation>Für die Übergabe exportieren</translation>
        </message>
        <message>
            <source>Transfer bundle (*.zip)</source>
            <translation>Übergabepaket (*.zip)</translation>
        </message>
        <message>
            <source>Exporting %1 for transfer…</source>
            <translation>%1 wird für die Übergabe exportiert…</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>Export abgebrochen; keine Datei wurde geschrieben.</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>Nicht exportiert</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>Exportiert nach %1</translation>
        </message>
        <message>
            <source>Import a transfer bundle</source>
            <translation>Übergabepaket importieren</translation>
        </message>
        <message>
            <source>Checking the transfer bundle %1…</source>
            <translation>Übergabepaket %1 wird geprüft…</translation>
        </message>
        <message>
            <source>Not imported</source>
            <translation>Nicht importiert</translation>
        </message>
        <message>
            <source>Imported as %1</source>
            <translation>Importiert als %1</translation>
        </message>
        <message>
            <source>Trust this signer?</source>
            <translation>Diesem Unterzeichner vertrauen?</translation>
        </message>
        <message>
            <source>The reports in this bundle are signed by a certificate this register does not trust yet.

SHA-256 fingerprint:
%1

The certificate calls its owner (their own words, not checked): %2

Compare the fingerprint with the one the signer gave you by another channel (telephone, in person). Trust this signer and import?</source>
            <translation>Die Berichte in diesem Paket sind mit einem Zertifikat unterschrieben, dem dieses Register noch nicht vertraut.

SHA-256-Fingerabdruck:
%1

Das Zertifikat nennt seinen Inhaber (dessen eigene Angabe, nicht geprüft): %2

Vergleichen Sie den Fingerabdruck mit dem, den Ihnen der Unterzeichner auf anderem Weg (Telefon, persönlich) genannt hat. Diesem Unterzeichner vertrauen und importieren?</translation>
        </message>
        <message>
            <source>Back up the register</source>
            <translation>Register sichern</translation>
        </message>
        <message>
            <source>Register backup (*.db)</source>
            <translation>Registersicherung (*.db)</translation>
        </message>
        <message>
            <source>Backing up the register…</source>
            <translation>Register wird gesichert…</translation>
        </message>
        <message>
            <source>Backup cancelled; no file was written.</source>
            <translation>Sicherung abgebrochen; keine Datei wurde geschrieben.</translation>
        </message>
        <message>
            <source>No backup made</source>
            <translation>Keine Sicherung erstellt</translation>
        </message>
        <message>
            <source>Backup written: %1</source>
            <translation>Sicherung geschrieben: %1</translation>
        </message>
        <message>
            <source>Automatic backup failed: %1</source>
            <translation>Automatische Sicherung fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Audit trail does not match a signed report</source>
            <translation>Prüfpfad passt nicht zu einem unterschriebenen Bericht</translation>
        </message>
        <message>
            <source>The audit trail was changed and its hashes recomputed: it no longer matches the signed report %1 (%2)</source>
            <translation>Der Prüfpfad wurde verändert und seine Hashwerte neu berechnet: Er passt nicht mehr zum unterschriebenen Bericht %1 (%2)</translation>
        </message>
        <message>
            <source>Audit trail intact</source>
            <translation>Prüfpfad unverändert</translation>
        </message>
        <message>
            <source>%1 events; every one matches its hash and the anchors in %2 signed report(s).</source>
            <translation>%1 Ereignisse; jedes passt zu seinem Hashwert und zu den Ankern in %2 unterschriebenen Bericht(en).</translation>
        </message>
        <message>
            <source>Audit trail broken</source>
            <translation>Prüfpfad beschädigt</translation>
        </message>
        <message>
            <source>The audit trail was changed outside the program, first at event %1: %2</source>
            <translation>Der Prüfpfad wurde außerhalb des Programms verändert, zuerst bei Ereignis %1: %2</translation>
        </message>
    </context>
    <context>
        <name>RegisterModel</name>
        <message>
            <source>Reference</source>
            <translation>Aktenzeichen</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produkt</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>Bestimmungsland</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Angelegt</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Letzte Änderung</translation>
        </message>
        <message>
            <source>Keep until</source>
            <translation>Aufbewahren bis</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Entwurf</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signiert</translation>
        </message>
        <message>
            <source>Amended</source>
            <translation>Geändert</translation>
        </message>
    </context>
    <context>
        <name>RegisterPage</name>
        <message>
            <source>Assessments</source>
            <translation>Prüfungen</translation>
        </message>
        <message>
            <source>Each assessment checks one export against Article 5 of Regulation (EU) 2021/821. Every answer is saved as you give it. Records are kept at least until the date in “Keep until” (Art. 27(3)).</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Jede Prüfung prüft eine Ausfuhr nach Artikel 5 der Verordnung (EU) 2021/821. Jede Antwort wird gespeichert, sobald Sie sie geben. Unterlagen werden mindestens bis zum Datum in „Aufbewahren bis“ aufbewahrt (Art. 27 Abs. 3).</translation>
        </message>
        <message>
            <source>Search reference, product, customer, destination, dates…</source>
            <translation>Aktenzeichen, Produkt, Kunde, Bestimmungsland, Datum suchen…</translation>
        </message>
        <message>
            <source>Search the register</source>
            <translation>Register durchsuchen</translation>
        </message>
        <message>
            <source>Filter by status</source>
            <translation>Nach Status filtern</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Jeder Status</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Entwurf</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signiert</translation>
        </message>
        <message>
            <source>Amended</source>
            <translation>Geändert</translation>
        </message>
        <message>
            <source>Filter by outcome</source>
            <translation>Nach Ergebnis filtern</translation>
        </message>
        <message>
            <source>Any outcome</source>
            <translation>Jedes Ergebnis</translation>
        </message>
        <message>
            <source>Filter by destination</source>
            <translation>Nach Bestimmungsland filtern</translation>
        </message>
        <message>
            <source>Any destination</source>
            <translation>Jedes Bestimmungsland</translation>
        </message>
        <message>
            <source>No assessments yet. Start one with “New assessment”.</source>
            <translation>Noch keine Prüfungen. Beginnen Sie eine mit „Neue Prüfung“.</translation>
        </message>
        <message>
            <source>&amp;New assessment</source>
            <translation>&amp;Neue Prüfung</translation>
        </message>
        <message>
            <source>New from &amp;product…</source>
            <translation>Neu aus &amp;Produkt…</translation>
        </message>
        <message>
            <source>&amp;Quick check…</source>
            <translation>&amp;Schnellprüfung…</translation>
        </message>
        <message>
            <source>&amp;Open / resume</source>
            <translation>Ö&amp;ffnen / fortsetzen</translation>
        </message>
        <message>
            <source>D&amp;uplicate</source>
            <translation>D&amp;uplizieren</translation>
        </message>
        <message>
            <source>&amp;Amend…</source>
            <translation>Ä&amp;ndern…</translation>
        </message>
        <message>
            <source>&amp;Discard draft…</source>
            <translation>Entwurf &amp;verwerfen…</translation>
        </message>
        <message>
            <source>Titl&amp;e…</source>
            <translation>Tit&amp;el…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen…</translation>
        </message>
        <message>
            <source>No assessment matches the filter.</source>
            <translation>Keine Prüfung entspricht dem Filter.</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Review a potential sanctions-list hit</source>
            <translation>Möglichen Treffer auf einer Sanktionsliste prüfen</translation>
        </message>
        <message>
            <source>not given</source>
            <translation>nicht angegeben</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Prüfer</translation>
        </message>
        <message>
            <source>Why this is (or is not) the listed party: date of birth, registration number, address, ...</source>
            <translation>Warum dies die gelistete Partei ist (oder nicht): Geburtsdatum, Registernummer, Anschrift, ...</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Begründung</translation>
        </message>
        <message>
            <source>This assessment only</source>
            <translation>Nur diese Prüfung</translation>
        </message>
        <message>
            <source>This party, for good (every assessment)</source>
            <translation>Diese Partei, dauerhaft (jede Prüfung)</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>Geltungsbereich</translation>
        </message>
        <message>
            <source>Clear as false positive</source>
            <translation>Als Fehltreffer ausräumen</translation>
        </message>
        <message>
            <source>Confirm: this is the listed party</source>
            <translation>Bestätigen: Dies ist die gelistete Partei</translation>
        </message>
        <message>
            <source>Not recorded: %s</source>
            <translation>Nicht erfasst: %s</translation>
        </message>
        <message>
            <source>Review of %1</source>
            <translation>Prüfung von %1</translation>
        </message>
        <message>
            <source>approved</source>
            <translation>freigegeben</translation>
        </message>
        <message>
            <source>has issues</source>
            <translation>mit Mängeln</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>abgelehnt</translation>
        </message>
        <message>
            <source>What is wrong (needed unless approved). A review is never edited afterwards: add a new one instead.</source>
            <translation>Was fehlt oder falsch ist (nötig, außer bei Freigabe). Eine Prüfung wird nachträglich nie geändert: Fügen Sie stattdessen eine neue hinzu.</translation>
        </message>
        <message>
            <source>Decision:</source>
            <translation>Entscheidung:</translation>
        </message>
        <message>
            <source>Comment:</source>
            <translation>Kommentar:</translation>
        </message>
        <message>
            <source>&amp;Add review</source>
            <translation>Prüfung &amp;hinzufügen</translation>
        </message>
        <message>
            <source>Only the compliance officer reviews</source>
            <translation>Nur die bzw. der Ausfuhrverantwortliche prüft</translation>
        </message>
        <message>
            <source>Not reviewed yet.</source>
            <translation>Noch nicht geprüft.</translation>
        </message>
        <message>
            <source>Review not saved</source>
            <translation>Prüfung nicht gespeichert</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>As the system (%1)</source>
            <translation>Wie das System (%1)</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>&amp;Open the folder</source>
            <translation>Ordner ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Datenordner:</translation>
        </message>
        <message>
            <source>To keep the data elsewhere (a network drive), start the program with --data-dir FOLDER or set ART5_DATA_DIR; the register then opens from there.</source>
            <translation>Um die Daten anderswo (auf einem Netzlaufwerk) zu halten, starten Sie das Programm mit --data-dir ORDNER oder setzen Sie ART5_DATA_DIR; das Register wird dann von dort geöffnet.</translation>
        </message>
        <message>
            <source> hours</source>
            <translation> Stunden</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>Automatic &amp;backup every:</source>
            <translation>Automatische &amp;Sicherung alle:</translation>
        </message>
        <message>
            <source>Backups &amp;kept:</source>
            <translation>Aufbewahrte Si&amp;cherungen:</translation>
        </message>
        <message>
            <source>Screening &amp;threshold:</source>
            <translation>Abgleichs&amp;schwelle:</translation>
        </message>
        <message>
            <source>How similar a name must be to a listed name to count as a potential hit.</source>
            <translation>Wie ähnlich ein Name einem gelisteten Namen sein muss, um als möglicher Treffer zu gelten.</translation>
        </message>
        <message>
            <source>How similar a name must be to a listed name to count as a potential hit. Lower finds more spellings and more false hits; the default is 0.88.</source>
            <translation>Wie ähnlich ein Name einem gelisteten Namen sein muss, um als möglicher Treffer zu gelten. Ein niedrigerer Wert findet mehr Schreibweisen und mehr Fehltreffer; Standard ist 0,88.</translation>
        </message>
        <message>
            <source>Team &amp;register:</source>
            <translation>&amp;Team-Register:</translation>
        </message>
        <message>
            <source>&amp;Work on the team register instead of this computer's register</source>
            <translation>Mit dem Team-Register &amp;arbeiten statt mit dem Register dieses Computers</translation>
        </message>
        <message>
            <source>The address of the team's PostgreSQL register (Sync sends finished work there). No password here: it comes from ART5_DATABASE_PASSWORD, a password file readable by you only (~/.pgpass) or the system keyring. Use sslmode=verify-full over a network. Takes effect at the next start.</source>
            <translation>Die Adresse des PostgreSQL-Registers des Teams („Abgleichen“ überträgt abgeschlossene Prüfungen dorthin). Kein Passwort hier: Es kommt aus ART5_DATABASE_PASSWORD, aus einer nur für Sie lesbaren Passwortdatei (~/.pgpass) oder aus dem Schlüsselbund des Systems. Über ein Netzwerk sslmode=verify-full verwenden. Wirkt ab dem nächsten Start.</translation>
        </message>
        <message>
            <source>This start uses the register given by ART5_DATABASE_URL or --database: %1</source>
            <translation>Dieser Start verwendet das mit ART5_DATABASE_URL oder --database angegebene Register: %1</translation>
        </message>
        <message>
            <source>Signing &amp;identity…</source>
            <translation>Signatur&amp;identität…</translation>
        </message>
        <message>
            <source>Company &amp;profile…</source>
            <translation>&amp;Unternehmensprofil…</translation>
        </message>
        <message>
            <source>Settings not saved: %1</source>
            <translation>Einstellungen nicht gespeichert: %1</translation>
        </message>
        <message>
            <source>Settings not saved: give the team register's address to work on it.</source>
            <translation>Einstellungen nicht gespeichert: Geben Sie die Adresse des Team-Registers an, um damit zu arbeiten.</translation>
        </message>
    </context>
    <context>
        <name>TaskDialog</name>
        <message>
            <source>Please wait</source>
            <translation>Bitte warten</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Wird abgebrochen…</translation>
        </message>
    </context>
    <context>
        <name>TeamOverviewDialog</name>
        <message>
            <source>Team register</source>
            <translation>Team-Register</translation>
        </message>
        <message>
            <source>Waiting for the authority</source>
            <translation>Wartet auf die Behörde</translation>
        </message>
        <message>
            <source>Reviews that sent work back</source>
            <translation>Prüfungen, die Arbeit zurückgegeben haben</translation>
        </message>
        <message>
            <source>Synchronisation with the team register</source>
            <translation>Abgleich mit dem Team-Register</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>Jetzt &amp;abgleichen</translation>
        </message>
        <message>
            <source>Team register:</source>
            <translation>Team-Register:</translation>
        </message>
        <message>
            <source>compliance officer</source>
            <translation>Ausfuhrverantwortliche(r)</translation>
        </message>
        <message>
            <source>assessor</source>
            <translation>Bearbeiter(in)</translation>
        </message>
        <message>
            <source>auditor (reads only)</source>
            <translation>Prüfer(in) (nur lesend)</translation>
        </message>
        <message>
            <source>database owner</source>
            <translation>Eigentümer der Datenbank</translation>
        </message>
        <message>
            <source>Connected to the team register %1 as %2 (%3).</source>
            <translation>Verbunden mit dem Team-Register %1 als %2 (%3).</translation>
        </message>
        <message>
            <source>Sync runs on a laptop's own register</source>
            <translation>Der Abgleich läuft auf dem eigenen Register eines Laptops</translation>
        </message>
        <message>
            <source>This laptop's register (%1). Finished and signed assessments are pushed to the team register with Sync; products and trusted signers come back.</source>
            <translation>Register dieses Laptops (%1). Abgeschlossene und unterschriebene Prüfungen werden mit „Abgleichen“ in das Team-Register übertragen; Produkte und vertrauenswürdige Unterzeichner kommen zurück.</translation>
        </message>
        <message>
            <source>Nothing is waiting for an authority.</source>
            <translation>Nichts wartet auf eine Behörde.</translation>
        </message>
        <message>
            <source>No review sent work back.</source>
            <translation>Keine Prüfung hat Arbeit zurückgegeben.</translation>
        </message>
        <message>
            <source>CONFLICT %1 (laptop's reference %2, from %3, %4): changed on two machines; the laptop's version is kept beside it, not merged</source>
            <translation>KONFLIKT %1 (Aktenzeichen des Laptops %2, von %3, %4): auf zwei Rechnern geändert; die Fassung des Laptops wird daneben aufbewahrt, nicht zusammengeführt</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Abgleich</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Verify a report</source>
            <translation>Bericht prüfen</translation>
        </message>
        <message>
            <source>the signed PDF</source>
            <translation>das signierte PDF</translation>
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation>&amp;Auswählen…</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Bericht</translation>
        </message>
        <message>
            <source>optional: the signer's certificate; default: your own identity</source>
            <translation>optional: das Zertifikat des Unterzeichners; Standard: Ihre eigene Identität</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>Aus&amp;wählen…</translation>
        </message>
        <message>
            <source>Trusted certificate</source>
            <translation>Vertrauenswürdiges Zertifikat</translation>
        </message>
        <message>
            <source>&amp;Verify</source>
            <translation>&amp;Prüfen</translation>
        </message>
        <message>
            <source>Details of the verification</source>
            <translation>Einzelheiten der Prüfung</translation>
        </message>
        <message>
            <source>Choose a report</source>
            <translation>Bericht auswählen</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Choose a certificate</source>
            <translation>Zertifikat auswählen</translation>
        </message>
        <message>
            <source>Certificates (*.crt *.pem *.cer *.der)</source>
            <translation>Zertifikate (*.crt *.pem *.cer *.der)</translation>
        </message>
        <message>
            <source>Choose a PDF first.</source>
            <translation>Wählen Sie zuerst ein PDF.</translation>
        </message>
        <message>
            <source>Cannot read the file</source>
            <translation>Die Datei kann nicht gelesen werden</translation>
        </message>
        <message>
            <source>Intact, trusted certificate (SHA-256 %1)</source>
            <translation>Unverändert, vertrauenswürdiges Zertifikat (SHA-256 %1)</translation>
        </message>
        <message>
            <source>Intact but NOT TRUSTED: nothing vouches for this certificate. Compare its SHA-256 %1 with the one the signer gave you.</source>
            <translation>Unverändert, aber NICHT VERTRAUENSWÜRDIG: Nichts bürgt für dieses Zertifikat. Vergleichen Sie seinen SHA-256 %1 mit dem, den Ihnen der Unterzeichner genannt hat.</translation>
        </message>
        <message>
            <source>ALTERED: do not rely on this file</source>
            <translation>VERÄNDERT: Verlassen Sie sich nicht auf diese Datei</translation>
        </message>
        <message>
            <source>Not signed</source>
            <translation>Nicht signiert</translation>
        </message>
    </context>
    <context>
        <name>WizardView</name>
        <message>
            <source>Back to the list of assessments (everything is saved)</source>
            <translation>Zurück zur Liste der Prüfungen (alles ist gespeichert)</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Zurück</translation>
        </message>
        <message>
            <source>&amp;Next</source>
            <translation>&amp;Weiter</translation>
        </message>
        <message>
            <source>Save a &amp;draft PDF</source>
            <translation>&amp;Entwurf als PDF speichern</translation>
        </message>
        <message>
            <source>&amp;Finish and create the report</source>
            <translation>&amp;Abschließen und Bericht erstellen</translation>
        </message>
        <message>
            <source>Not saved: %s</source>
            <translation>Nicht gespeichert: %s</translation>
        </message>
        <message>
            <source>All answers saved</source>
            <translation>Alle Antworten gespeichert</translation>
        </message>
        <message>
            <source>This assessment is finished; it is shown read-only.</source>
            <translation>Diese Prüfung ist abgeschlossen; sie wird schreibgeschützt angezeigt.</translation>
        </message>
        <message>
            <source>Check your answers</source>
            <translation>Antworten prüfen</translation>
        </message>
        <message>
            <source>Every answer is listed with the question it answers. Use “Change” next to an answer to correct it; you come back to this summary afterwards. Questions marked “Not answered” must be answered before the assessment can be finished.</source>
            <translation>Jede Antwort steht bei der Frage, die sie beantwortet. Mit „Ändern“ neben einer Antwort korrigieren Sie sie; danach kommen Sie zu dieser Übersicht zurück. Mit „Nicht beantwortet“ markierte Fragen müssen beantwortet sein, bevor die Prüfung abgeschlossen werden kann.</translation>
        </message>
        <message>
            <source>Read your answers once more. Use “Change” to correct one; you come back here afterwards.</source>
            <translation>Lesen Sie Ihre Antworten noch einmal. Mit „Ändern“ korrigieren Sie eine; danach kommen Sie hierher zurück.</translation>
        </message>
        <message>
            <source>How the outcome is reached</source>
            <translation>Wie das Ergebnis zustande kommt</translation>
        </message>
        <message>
            <source>The outcome follows from the rules of this questionnaire version, applied in a fixed order: the first that applies wins. “Reasoning” lists each step with its legal source; the PDF report carries the same trace. While questions are unanswered the outcome is provisional and the assessment cannot be finished.</source>
            <translation>Das Ergebnis folgt aus den Regeln dieser Fragebogenversion, in fester Reihenfolge angewandt: Die erste zutreffende Regel gilt. „Begründung“ listet jeden Schritt mit seiner Rechtsquelle; der PDF-Bericht enthält dieselbe Herleitung. Solange Fragen unbeantwortet sind, ist das Ergebnis vorläufig und die Prüfung kann nicht abgeschlossen werden.</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>In Bearbeitung</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Nicht begonnen</translation>
        </message>
        <message>
            <source>Removed invisible or control characters: %s</source>
            <translation>Unsichtbare oder Steuerzeichen entfernt: %s</translation>
        </message>
        <message numerus="yes">
            <source>Saved without %n invisible or control character(s)</source>
            <translation>
                <numerusform>Ohne %n unsichtbares oder Steuerzeichen gespeichert</numerusform>
                <numerusform>Ohne %n unsichtbare oder Steuerzeichen gespeichert</numerusform>
            </translation>
        </message>
        <message>
            <source>Not saved: check the answer marked in red</source>
            <translation>Nicht gespeichert: Prüfen Sie die rot markierte Antwort</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <source>Sections of the assessment</source>
            <translation>Abschnitte der Prüfung</translation>
        </message>
        <message>
            <source>Help for the focused question</source>
            <translation>Hilfe zur ausgewählten Frage</translation>
        </message>
        <message>
            <source>Re&amp;gister</source>
            <translation>Re&amp;gister</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>Enter, Alt+Right or Ctrl+Enter</source>
            <translation>Eingabetaste, Alt+Rechts oder Strg+Eingabe</translation>
        </message>
        <message>
            <source>Alt+Left</source>
            <translation>Alt+Links</translation>
        </message>
        <message>
            <source>Your answers</source>
            <translation>Ihre Antworten</translation>
        </message>
        <message>
            <source>%1 of %2 sections done</source>
            <translation>%1 von %2 Abschnitten erledigt</translation>
        </message>
        <message>
            <source>Return to the summary</source>
            <translation>Wieder zur Übersicht</translation>
        </message>
        <message>
            <source>Continue to the outcome</source>
            <translation>Weiter zum Ergebnis</translation>
        </message>
        <message>
            <source>Not saved yet: the entry is not complete</source>
            <translation>Noch nicht gespeichert: Der Eintrag ist unvollständig</translation>
        </message>
        <message>
            <source>Saved at %s</source>
            <translation>Gespeichert um %s</translation>
        </message>
        <message>
            <source>this guidance rests on a source that has not yet been checked against the Official Journal.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>diese Hinweise beruhen auf einer Quelle, die noch nicht mit dem Amtsblatt abgeglichen wurde.</translation>
        </message>
        <message>
            <source>Legal sources</source>
            <translation>Rechtsquellen</translation>
        </message>
        <message>
            <source>Not yet checked:</source>
            <translation>Noch nicht geprüft:</translation>
        </message>
        <message>
            <source>not yet checked against the Official Journal</source>
            <translation>noch nicht am Amtsblatt geprüft</translation>
        </message>
        <message>
            <source>secondary source</source>
            <translation>Sekundärquelle</translation>
        </message>
        <message>
            <source>Not answered</source>
            <translation>Nicht beantwortet</translation>
        </message>
        <message>
            <source>Not given (optional)</source>
            <translation>Nicht angegeben (optional)</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Ändern</translation>
        </message>
        <message>
            <source>Provisional:</source>
            <translation>Vorläufig:</translation>
        </message>
        <message numerus="yes">
            <source>%n question(s) are still unanswered; the outcome may change.</source>
            <translation>
                <numerusform>%n Frage ist noch unbeantwortet; das Ergebnis kann sich ändern.</numerusform>
                <numerusform>%n Fragen sind noch unbeantwortet; das Ergebnis kann sich ändern.</numerusform>
            </translation>
        </message>
        <message>
            <source>If the item is on the list(s) you were unsure about:</source>
            <translation>Wenn die Ware auf der Liste bzw. den Listen steht, bei denen Sie unsicher waren:</translation>
        </message>
        <message>
            <source>If it is not:</source>
            <translation>Wenn nicht:</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>Was als Nächstes zu tun ist</translation>
        </message>
        <message>
            <source>Reasoning</source>
            <translation>Begründung</translation>
        </message>
        <message>
            <source>Open questions: ask the competent authority</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Offene Fragen: bei der zuständigen Behörde nachfragen</translation>
        </message>
        <message>
            <source>Still unanswered</source>
            <translation>Noch unbeantwortet</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Warnungen</translation>
        </message>
        <message>
            <source>This assessment is finished.</source>
            <translation>Diese Prüfung ist abgeschlossen.</translation>
        </message>
        <message>
            <source>Answer every question before finishing (see “Still unanswered”).</source>
            <translation>Beantworten Sie vor dem Abschluss jede Frage (siehe „Noch unbeantwortet“).</translation>
        </message>
        <message>
            <source>Finishing stores the outcome and writes the PDF report.</source>
            <translation>Der Abschluss speichert das Ergebnis und schreibt den PDF-Bericht.</translation>
        </message>
        <message>
            <source>Not written: %s</source>
            <translation>Nicht geschrieben: %s</translation>
        </message>
        <message>
            <source>Writing and signing the report %1…</source>
            <translation>Bericht %1 wird geschrieben und signiert…</translation>
        </message>
        <message>
            <source>Writing the report %1…</source>
            <translation>Bericht %1 wird geschrieben…</translation>
        </message>
        <message>
            <source>Report written: %s</source>
            <translation>Bericht geschrieben: %s</translation>
        </message>
        <message>
            <source>Not finished: the report cannot be written. %s</source>
            <translation>Nicht abgeschlossen: Der Bericht kann nicht geschrieben werden. %s</translation>
        </message>
        <message>
            <source>Finished. Report: %s</source>
            <translation>Abgeschlossen. Bericht: %s</translation>
        </message>
        <message>
            <source>Draft &amp;notification…</source>
            <translation>&amp;Meldungsentwurf…</translation>
        </message>
        <message>
            <source>End-&amp;user statement…</source>
            <translation>End&amp;verbleibserklärung…</translation>
        </message>
        <message>
            <source>&amp;Sign the report…</source>
            <translation>Bericht &amp;signieren…</translation>
        </message>
        <message>
            <source>The report is NOT signed: %1</source>
            <translation>Der Bericht ist NICHT signiert: %1</translation>
        </message>
        <message>
            <source>Report written unsigned: %1</source>
            <translation>Bericht unsigniert geschrieben: %1</translation>
        </message>
        <message>
            <source>Finished. The report is NOT signed (no signing identity yet; use “Sign the report…” to create one): %1</source>
            <translation>Abgeschlossen. Der Bericht ist NICHT signiert (noch keine Signaturidentität; mit „Bericht signieren…“ eine erstellen): %1</translation>
        </message>
        <message>
            <source>The report is NOT signed (no signing identity): %1</source>
            <translation>Der Bericht ist NICHT signiert (keine Signaturidentität): %1</translation>
        </message>
        <message>
            <source>Passphrase of your signing identity, to sign the report:</source>
            <translation>Passphrase Ihrer Signaturidentität, um den Bericht zu signieren:</translation>
        </message>
        <message>
            <source>Finished. The report is NOT signed (cancelled): %1</source>
            <translation>Abgeschlossen. Der Bericht ist NICHT signiert (abgebrochen): %1</translation>
        </message>
        <message>
            <source>The report could not be signed: %1</source>
            <translation>Der Bericht konnte nicht signiert werden: %1</translation>
        </message>
        <message>
            <source>Signed report: %1 (the register could not record the signature: %2)</source>
            <translation>Bericht signiert: %1 (das Register konnte die Signatur nicht erfassen: %2)</translation>
        </message>
        <message>
            <source>Finished. Signed report: %1</source>
            <translation>Abgeschlossen. Bericht signiert: %1</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Art5 Assessor is already open with the data folder %1. Switch to that window, or close it and start again. Nothing was changed.</source>
            <translation>Art5 Assessor ist bereits mit dem Datenordner %1 geöffnet. Wechseln Sie zu diesem Fenster oder schließen Sie es und starten Sie neu. Nichts wurde geändert.</translation>
        </message>
        <message>
            <source>Art5 Assessor</source>
            <translation>Art5 Assessor</translation>
        </message>
        <message>
            <source>Held by: %1</source>
            <translation>Gehalten von: %1</translation>
        </message>
    </context>
</TS>
