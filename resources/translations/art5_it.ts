<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Art5 Assessor</source>
            <translation>Informazioni su Art5 Assessor</translation>
        </message>
    </context>
    <context>
        <name>CountryCombo</name>
        <message>
            <source>Type to search, e.g. Germany or DE</source>
            <translation>Digitare per cercare, ad es. Germania o DE</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Art5 Assessor: unexpected error</source>
            <translation>Art5 Assessor: errore imprevisto</translation>
        </message>
        <message>
            <source>Something went wrong inside the program. Every answer you gave was saved when you gave it, so nothing is lost. You can keep working, or restart the program.

If the error comes back, send the details below to your support contact.</source>
            <translation>Si è verificato un errore nel programma. Ogni risposta è stata salvata nel momento in cui l'ha data: nulla è andato perso. Può continuare a lavorare o riavviare il programma.

Se l'errore si ripresenta, invii i dettagli qui sotto al suo supporto.</translation>
        </message>
        <message>
            <source>Log folder: %s</source>
            <translation>Cartella dei log: %s</translation>
        </message>
        <message>
            <source>&amp;Copy details</source>
            <translation>&amp;Copia i dettagli</translation>
        </message>
        <message>
            <source>Open the &amp;log folder</source>
            <translation>Apri la cartella dei &amp;log</translation>
        </message>
    </context>
    <context>
        <name>DateWidget</name>
        <message>
            <source>Calendar…</source>
            <translation>Calendario…</translation>
        </message>
    </context>
    <context>
        <name>DestinationMeasuresBox</name>
        <message>
            <source>No EU destination measure is recorded for %s in the reference data.</source>
            <translation>Nei dati di riferimento non è registrata alcuna misura dell'UE per %s.</translation>
        </message>
        <message>
            <source>EU measures for %s</source>
            <translation>Misure dell'UE per %s</translation>
        </message>
    </context>
    <context>
        <name>DraftDialog</name>
        <message>
            <source>Sign the PDF</source>
            <translation>Firma il PDF</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Esporta…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Chiudi</translation>
        </message>
        <message>
            <source>Folder for the draft</source>
            <translation>Cartella per la bozza</translation>
        </message>
        <message>
            <source>Passphrase of your signing identity, to sign the PDF:</source>
            <translation>Passphrase della sua identità di firma, per firmare il PDF:</translation>
        </message>
        <message>
            <source>Not exported (cancelled).</source>
            <translation>Non esportato (annullato).</translation>
        </message>
        <message>
            <source>Read and complete the end-user statement before you send it to your customer for signature: replace every “[to complete]”. Lines starting with “# ” are headings, “- ” list items. Export writes the PDF and the Word file, which the customer signs and returns; keep the signed copy with the assessment.</source>
            <translation>Leggete e completate la dichiarazione di utilizzo finale prima di inviarla al cliente per la firma: sostituite ogni «[to complete]». Le righe che iniziano con «# » sono titoli, «- » voci di elenco. L’esportazione scrive il PDF e il file Word, che il cliente firma e restituisce; conservate la copia firmata con la valutazione.</translation>
        </message>
        <message>
            <source>Read and complete the draft: replace every “[to complete]” and check the parts marked “to verify”. Lines starting with “# ” are headings, “- ” list items. Export writes the PDF, the Word file and the text from this text.</source>
            <translation>Leggete e completate la bozza: sostituite ogni «[to complete]» e controllate le parti segnate «to verify». Le righe che iniziano con «# » sono titoli, «- » voci di elenco. L’esportazione scrive da questo testo il PDF, il file Word e il testo.</translation>
        </message>
        <message>
            <source> (to verify)</source>
            <translation> (da verificare)</translation>
        </message>
        <message>
            <source>How to send it: </source>
            <translation>Come trasmetterla: </translation>
        </message>
        <message>
            <source>For you (not printed in the document): </source>
            <translation>Per voi (non stampato nel documento): </translation>
        </message>
        <message>
            <source>Start &amp;again from the assessment</source>
            <translation>Ricominciare dalla valutazione (&amp;G)</translation>
        </message>
        <message>
            <source>The draft could not be saved: %1</source>
            <translation>Non è stato possibile salvare la bozza: %1</translation>
        </message>
        <message>
            <source>%1 place(s) left to complete: %2</source>
            <translation>%1 punto/i ancora da completare: %2</translation>
        </message>
        <message>
            <source>Not exported: places are left to complete.</source>
            <translation>Non esportato: restano punti da completare.</translation>
        </message>
        <message>
            <source>Characters the PDF cannot show</source>
            <translation>Caratteri che il PDF non può mostrare</translation>
        </message>
        <message>
            <source>Writing the draft (%1)…</source>
            <translation>Scrittura della bozza (%1)…</translation>
        </message>
        <message>
            <source>Written: %1</source>
            <translation>Scritto: %1</translation>
        </message>
        <message>
            <source> (PDF signed)</source>
            <translation> (PDF firmato)</translation>
        </message>
        <message>
            <source>Your edited draft (saved %1) is shown.</source>
            <translation>È mostrata la vostra bozza modificata (salvata il %1).</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>After the notification: %1</source>
            <translation>Dopo la notifica: %1</translation>
        </message>
        <message>
            <source>Notification sent</source>
            <translation>Notifica inviata</translation>
        </message>
        <message>
            <source>authority's portal</source>
            <translation>portale dell’autorità</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>e-mail</translation>
        </message>
        <message>
            <source>post</source>
            <translation>posta</translation>
        </message>
        <message>
            <source>fax</source>
            <translation>fax</translation>
        </message>
        <message>
            <source>in person</source>
            <translation>di persona</translation>
        </message>
        <message>
            <source>other</source>
            <translation>altro</translation>
        </message>
        <message>
            <source>Sent on:</source>
            <translation>Inviata il:</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Canale:</translation>
        </message>
        <message>
            <source>Authority's reference:</source>
            <translation>Riferimento dell’autorità:</translation>
        </message>
        <message>
            <source>Record as &amp;sent</source>
            <translation>Registrare come &amp;inviata</translation>
        </message>
        <message>
            <source>The authority's answer</source>
            <translation>Risposta dell’autorità</translation>
        </message>
        <message>
            <source>licence required</source>
            <translation>autorizzazione necessaria</translation>
        </message>
        <message>
            <source>licence not required</source>
            <translation>autorizzazione non necessaria</translation>
        </message>
        <message>
            <source>no decision</source>
            <translation>nessuna decisione</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Scegliere…</translation>
        </message>
        <message>
            <source>Decision:</source>
            <translation>Decisione:</translation>
        </message>
        <message>
            <source>Received on:</source>
            <translation>Ricevuta il:</translation>
        </message>
        <message>
            <source>Reply (file):</source>
            <translation>Risposta (file):</translation>
        </message>
        <message>
            <source>Record the &amp;answer</source>
            <translation>Registrare la &amp;risposta</translation>
        </message>
        <message>
            <source>Shipment</source>
            <translation>Spedizione</translation>
        </message>
        <message>
            <source>Hold the shipment until the authority decided</source>
            <translation>Trattenere la spedizione finché l’autorità non ha deciso</translation>
        </message>
        <message>
            <source>why the hold is lifted (e.g. the licence number)</source>
            <translation>perché il blocco viene tolto (ad es. il numero dell’autorizzazione)</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Applica</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>Motivo:</translation>
        </message>
        <message>
            <source>Mark as &amp;shipped today</source>
            <translation>Segnare come &amp;spedito oggi</translation>
        </message>
        <message>
            <source>to verify</source>
            <translation>da verificare</translation>
        </message>
        <message>
            <source>The authority's reply</source>
            <translation>Risposta dell’autorità</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Non salvato</translation>
        </message>
    </context>
    <context>
        <name>GroupRow</name>
        <message>
            <source>(optional)</source>
            <translation>(facoltativo)</translation>
        </message>
        <message>
            <source>Remove this entry</source>
            <translation>Rimuovi questa voce</translation>
        </message>
        <message>
            <source>Remove entry %1</source>
            <translation>Rimuovi la voce %1</translation>
        </message>
    </context>
    <context>
        <name>GroupWidget</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annulla</translation>
        </message>
        <message>
            <source>Add an entry</source>
            <translation>Aggiungi una voce</translation>
        </message>
        <message>
            <source>Entry %1 removed%2.</source>
            <translation>Voce %1 rimossa%2.</translation>
        </message>
    </context>
    <context>
        <name>IdentityDialog</name>
        <message>
            <source>Signing identity</source>
            <translation>Identità di firma</translation>
        </message>
        <message>
            <source>Create a key and a certificate made by your company (self-signed), or import one from a certification authority or an eID (PKCS#12, .p12/.pfx). The key is stored encrypted with your passphrase; the passphrase is never stored.</source>
            <translation>Crei una chiave e un certificato emesso dalla sua azienda (autofirmato), oppure ne importi uno da un'autorità di certificazione o da un'eID (PKCS#12, .p12/.pfx). La chiave è conservata cifrata con la sua passphrase; la passphrase non viene mai conservata.</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Il suo nome</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organizzazione</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Country (2 letters)</source>
            <translation>Paese (2 lettere)</translation>
        </message>
        <message>
            <source>Passphrase (8+ characters)</source>
            <translation>Passphrase (almeno 8 caratteri)</translation>
        </message>
        <message>
            <source>Repeat the passphrase</source>
            <translation>Ripeta la passphrase</translation>
        </message>
        <message>
            <source>&amp;Create identity</source>
            <translation>&amp;Crea l'identità</translation>
        </message>
        <message>
            <source>&amp;Import .p12…</source>
            <translation>&amp;Importa .p12…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Chiudi</translation>
        </message>
        <message>
            <source>No signing identity yet: reports are written unsigned.</source>
            <translation>Nessuna identità di firma: i rapporti vengono scritti senza firma.</translation>
        </message>
        <message>
            <source>EXPIRED</source>
            <translation>SCADUTO</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>valido</translation>
        </message>
        <message>
            <source>Current identity: %1 (%2), %3 until %4
SHA-256: %5</source>
            <translation>Identità attuale: %1 (%2), %3 fino al %4
SHA-256: %5</translation>
        </message>
        <message>
            <source>Replace with a &amp;new identity</source>
            <translation>Sostituisci con una &amp;nuova identità</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Le due passphrase non coincidono.</translation>
        </message>
        <message>
            <source>Replace the identity?</source>
            <translation>Sostituire l'identità?</translation>
        </message>
        <message>
            <source>Reports signed with the current key stay valid, but new reports will carry the new fingerprint. Replace it?</source>
            <translation>I rapporti firmati con la chiave attuale restano validi, ma i nuovi rapporti porteranno la nuova impronta. Sostituirla?</translation>
        </message>
        <message>
            <source>Identity created. Give this fingerprint to whoever checks your reports: %1</source>
            <translation>Identità creata. Comunichi questa impronta a chi verifica i suoi rapporti: %1</translation>
        </message>
        <message>
            <source>Import a signing identity</source>
            <translation>Importa un'identità di firma</translation>
        </message>
        <message>
            <source>PKCS#12 (*.p12 *.pfx)</source>
            <translation>PKCS#12 (*.p12 *.pfx)</translation>
        </message>
        <message>
            <source>Passphrase of %1:</source>
            <translation>Passphrase di %1:</translation>
        </message>
        <message>
            <source>Identity imported.</source>
            <translation>Identità importata.</translation>
        </message>
    </context>
    <context>
        <name>ListsDialog</name>
        <message>
            <source>Sanctions lists</source>
            <translation>Elenchi delle sanzioni</translation>
        </message>
        <message>
            <source>Parties are screened offline against these lists. Download the EU consolidated financial sanctions list (XML or CSV) or the UN Security Council consolidated list (XML) with your browser, then import the file here.</source>
            <translation>Le parti sono controllate offline con questi elenchi. Scarichi con il browser l'elenco consolidato delle sanzioni finanziarie dell'UE (XML o CSV) o l'elenco consolidato del Consiglio di sicurezza delle Nazioni Unite (XML), poi importi qui il file.</translation>
        </message>
        <message>
            <source>Imported sanctions lists</source>
            <translation>Elenchi delle sanzioni importati</translation>
        </message>
        <message>
            <source>List</source>
            <translation>Elenco</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>Generato</translation>
        </message>
        <message>
            <source>Entities</source>
            <translation>Entità</translation>
        </message>
        <message>
            <source>Names</source>
            <translation>Nomi</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Stato</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Import a file…</source>
            <translation>Importa un file…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Chiudi</translation>
        </message>
        <message>
            <source>in use</source>
            <translation>in uso</translation>
        </message>
        <message>
            <source>replaced</source>
            <translation>sostituito</translation>
        </message>
        <message>
            <source>No list imported yet: parties cannot be screened.</source>
            <translation>Nessun elenco importato: le parti non possono essere controllate.</translation>
        </message>
        <message>
            <source>Older than %d days: %s. Import a newer file.</source>
            <translation>Più vecchio di %d giorni: %s. Importi un file più recente.</translation>
        </message>
        <message>
            <source>Import a sanctions list</source>
            <translation>Importa un elenco delle sanzioni</translation>
        </message>
        <message>
            <source>Sanctions lists (*.xml *.csv);;All files (*)</source>
            <translation>Elenchi delle sanzioni (*.xml *.csv);;Tutti i file (*)</translation>
        </message>
        <message>
            <source>Importing %s…</source>
            <translation>Importazione di %s…</translation>
        </message>
        <message>
            <source>%1 entities read</source>
            <translation>%1 entità lette</translation>
        </message>
        <message>
            <source>Screening saved parties again…</source>
            <translation>Nuovo controllo delle parti salvate…</translation>
        </message>
        <message>
            <source>Importing the sanctions list %1…</source>
            <translation>Importazione dell'elenco delle sanzioni %1…</translation>
        </message>
        <message>
            <source>Import cancelled. The list imported before is still in use.</source>
            <translation>Importazione annullata. L'elenco importato in precedenza resta in uso.</translation>
        </message>
        <message>
            <source>Not imported: %s. The list imported before is still in use.</source>
            <translation>Non importato: %s. L'elenco importato in precedenza resta in uso.</translation>
        </message>
        <message>
            <source>Imported %s of %s: %d entities, %d names.</source>
            <translation>%s del %s importato: %d entità, %d nomi.</translation>
        </message>
        <message>
            <source>Saved parties screened again</source>
            <translation>Parti salvate controllate di nuovo</translation>
        </message>
        <message>
            <source>The new list changes the screening of saved parties:</source>
            <translation>Il nuovo elenco modifica il controllo delle parti salvate:</translation>
        </message>
        <message>
            <source>Saved parties screened again: no change.</source>
            <translation>Parti salvate controllate di nuovo: nessuna modifica.</translation>
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
            <translation>Apertura del registro…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;New assessment</source>
            <translation>&amp;Nuova valutazione</translation>
        </message>
        <message>
            <source>Company &amp;profile…</source>
            <translation>&amp;Profilo dell'azienda…</translation>
        </message>
        <message>
            <source>&amp;Signing identity…</source>
            <translation>Identità di &amp;firma…</translation>
        </message>
        <message>
            <source>Sanctions &amp;lists…</source>
            <translation>&amp;Elenchi delle sanzioni…</translation>
        </message>
        <message>
            <source>S&amp;ettings…</source>
            <translation>Imp&amp;ostazioni…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Esci</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Guida</translation>
        </message>
        <message>
            <source>&amp;About Art5 Assessor</source>
            <translation>&amp;Informazioni su Art5 Assessor</translation>
        </message>
        <message>
            <source>&amp;Verify a report…</source>
            <translation>&amp;Verifica un rapporto…</translation>
        </message>
        <message>
            <source>Register: %s</source>
            <translation>Registro: %s</translation>
        </message>
        <message>
            <source>The register could not be opened</source>
            <translation>Non è stato possibile aprire il registro</translation>
        </message>
        <message>
            <source>The register could not be opened:</source>
            <translation>Non è stato possibile aprire il registro:</translation>
        </message>
        <message>
            <source>Register not opened</source>
            <translation>Registro non aperto</translation>
        </message>
        <message>
            <source>The register could not be opened. Nothing was changed.</source>
            <translation>Non è stato possibile aprire il registro. Nulla è stato modificato.</translation>
        </message>
        <message>
            <source>Questionnaire not usable</source>
            <translation>Questionario non utilizzabile</translation>
        </message>
        <message>
            <source>Not saved: %s</source>
            <translation>Non salvato: %s</translation>
        </message>
        <message>
            <source>Not saved: the register could not be opened</source>
            <translation>Non salvato: non è stato possibile aprire il registro</translation>
        </message>
        <message>
            <source>Cannot open the assessment</source>
            <translation>Impossibile aprire la valutazione</translation>
        </message>
        <message>
            <source>Discard this draft?</source>
            <translation>Scartare questa bozza?</translation>
        </message>
        <message>
            <source>Discard draft %1 and its answers? This cannot be undone; the discard is recorded in the audit trail.</source>
            <translation>Scartare la bozza %1 e le sue risposte? L'operazione non può essere annullata; lo scarto è registrato nella traccia di controllo.</translation>
        </message>
        <message>
            <source>&amp;Team</source>
            <translation>Tea&amp;m</translation>
        </message>
        <message>
            <source>Team &amp;register and reminders…</source>
            <translation>&amp;Registro del team e promemoria…</translation>
        </message>
        <message>
            <source>&amp;After the notification…</source>
            <translation>&amp;Dopo la notifica…</translation>
        </message>
        <message>
            <source>Re&amp;view…</source>
            <translation>Re&amp;visione…</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Select an assessment in the register first.</source>
            <translation>Selezionate prima una valutazione nel registro.</translation>
        </message>
        <message>
            <source>%1 notified export(s) wait for an authority (%2 overdue): Team &gt; Team register</source>
            <translation>%1 esportazione/i notificata/e in attesa di un’autorità (%2 in ritardo): Team &gt; Registro del team</translation>
        </message>
    </context>
    <context>
        <name>MultiChoiceWidget</name>
        <message>
            <source>None of these</source>
            <translation>Nessuno di questi</translation>
        </message>
    </context>
    <context>
        <name>PartiesScreeningPanel</name>
        <message>
            <source>Parties are screened against the imported sanctions lists as you add them.</source>
            <translation>Le parti sono controllate con gli elenchi delle sanzioni importati man mano che le aggiunge.</translation>
        </message>
        <message>
            <source>Not screened: no sanctions list is imported.</source>
            <translation>Non controllato: nessun elenco delle sanzioni importato.</translation>
        </message>
        <message>
            <source>Import the EU consolidated list with File › Sanctions lists…</source>
            <translation>Importi l'elenco consolidato dell'UE con File › Elenchi delle sanzioni…</translation>
        </message>
        <message>
            <source>Screened against: %s</source>
            <translation>Controllato con: %s</translation>
        </message>
        <message>
            <source>no hit</source>
            <translation>nessuna corrispondenza</translation>
        </message>
        <message numerus="yes">
            <source>%n potential hit(s)</source>
            <translation>
                <numerusform>%n possibile corrispondenza</numerusform>
                <numerusform>%n possibili corrispondenze</numerusform>
            </translation>
        </message>
        <message>
            <source>to review</source>
            <translation>da esaminare</translation>
        </message>
        <message>
            <source>cleared</source>
            <translation>esclusa</translation>
        </message>
        <message>
            <source>CONFIRMED</source>
            <translation>CONFERMATA</translation>
        </message>
        <message>
            <source>Review…</source>
            <translation>Esamina…</translation>
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
            <translation>Punti ancora da completare</translation>
        </message>
        <message>
            <source>The draft still has these places to complete. Fill them in, or tick each one to confirm it may stay as it is in the exported files:</source>
            <translation>La bozza contiene ancora questi punti da completare. Compilateli, oppure spuntate ciascuno per confermare che può restare così nei file esportati:</translation>
        </message>
        <message>
            <source>Export with these places</source>
            <translation>Esportare con questi punti</translation>
        </message>
    </context>
    <context>
        <name>ProfileDialog</name>
        <message>
            <source>Welcome to Art5 Assessor</source>
            <translation>Benvenuto in Art5 Assessor</translation>
        </message>
        <message>
            <source>Company profile</source>
            <translation>Profilo dell'azienda</translation>
        </message>
        <message>
            <source>Tell us who exports. These details go on every report and notification draft. You can change them later under File &gt; Company profile.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Ci dica chi esporta. Questi dati compaiono su ogni rapporto e bozza di notifica. Potrà modificarli più tardi in File &gt; Profilo dell'azienda.</translation>
        </message>
        <message>
            <source>These details go on every report and notification draft.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Questi dati compaiono su ogni rapporto e bozza di notifica.</translation>
        </message>
        <message>
            <source>Company name</source>
            <translation>Nome dell'azienda</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Indirizzo</translation>
        </message>
        <message>
            <source>EORI number</source>
            <translation>Numero EORI</translation>
        </message>
        <message>
            <source>Member State of establishment</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Stato membro di stabilimento</translation>
        </message>
        <message>
            <source>Compliance contact</source>
            <translation>Referente per la conformità</translation>
        </message>
        <message>
            <source>Contact e-mail</source>
            <translation>E-mail di contatto</translation>
        </message>
        <message>
            <source>Contact telephone</source>
            <translation>Telefono del referente</translation>
        </message>
        <message>
            <source>Compliance officer</source>
            <translation>Responsabile della conformità</translation>
        </message>
        <message>
            <source>Your data is kept on this computer only, in %1 (readable by your user account only). Every answer is saved as you give it. A backup is made automatically before every database upgrade and at the interval set in the settings, in the backups folder beside it; Register &gt; Back up the register… writes a copy wherever you like (a USB stick, a network drive).</source>
            <translation>I suoi dati restano solo su questo computer, in %1 (leggibili solo dal suo account utente). Ogni risposta viene salvata appena la dà. Un backup viene fatto automaticamente prima di ogni aggiornamento della banca dati e all'intervallo fissato nelle impostazioni, nella cartella «backups» accanto; Registro &gt; Esegui il backup del registro… scrive una copia dove vuole (chiavetta USB, unità di rete).</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Più tardi</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annulla</translation>
        </message>
        <message>
            <source>Signing &amp;identity…</source>
            <translation>&amp;Identità di firma…</translation>
        </message>
        <message>
            <source>Reports are signed so that anyone can check they were not changed. Create a signing identity now, or import one (.p12) from a certification authority; you can also do it when you sign your first report.</source>
            <translation>I rapporti sono firmati perché chiunque possa verificare che non sono stati modificati. Crei ora un'identità di firma o ne importi una (.p12) da un'autorità di certificazione; può farlo anche quando firma il primo rapporto.</translation>
        </message>
        <message>
            <source>Signing identity: %1 (%2), SHA-256 %3…</source>
            <translation>Identità di firma: %1 (%2), SHA-256 %3…</translation>
        </message>
        <message>
            <source>Enter the company name.</source>
            <translation>Inserisca il nome dell'azienda.</translation>
        </message>
        <message>
            <source>Choose an EU Member State.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Scelga uno Stato membro dell'UE.</translation>
        </message>
        <message>
            <source>Enter an e-mail address like name@example.com.</source>
            <translation>Inserisca un indirizzo e-mail come nome@example.com.</translation>
        </message>
    </context>
    <context>
        <name>QuickCheckDialog</name>
        <message>
            <source>Quick check</source>
            <translation>Verifica rapida</translation>
        </message>
        <message>
            <source>A first answer at the customer's table. It is saved as a draft: finish the full assessment before the export.</source>
            <translation>Una prima risposta al tavolo del cliente. Viene salvata come bozza: completi la valutazione completa prima dell'esportazione.</translation>
        </message>
        <message>
            <source>A new product (describe it below)</source>
            <translation>Un nuovo prodotto (da descrivere sotto)</translation>
        </message>
        <message>
            <source>&amp;Product:</source>
            <translation>&amp;Prodotto:</translation>
        </message>
        <message>
            <source>e.g. NetGuard firewall 5</source>
            <translation>ad es. firewall NetGuard 5</translation>
        </message>
        <message>
            <source>Product &amp;name:</source>
            <translation>&amp;Nome del prodotto:</translation>
        </message>
        <message>
            <source>&amp;Destination:</source>
            <translation>Paese di &amp;destinazione:</translation>
        </message>
        <message>
            <source>Your &amp;Member State:</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Il suo Stato &amp;membro:</translation>
        </message>
        <message>
            <source>Not known yet</source>
            <translation>Non ancora noto</translation>
        </message>
        <message>
            <source>&amp;End user:</source>
            <translation>&amp;Utilizzatore finale:</translation>
        </message>
        <message>
            <source>The customer's name, as on the order</source>
            <translation>Il nome del cliente, come sull'ordine</translation>
        </message>
        <message>
            <source>&amp;Customer:</source>
            <translation>&amp;Cliente:</translation>
        </message>
        <message>
            <source>The item</source>
            <translation>Il prodotto</translation>
        </message>
        <message>
            <source>No saved product: these questions decide whether Article 5 can apply at all.</source>
            <translation>Nessun prodotto salvato: queste domande stabiliscono se l'articolo 5 può applicarsi.</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>&amp;Verifica</translation>
        </message>
        <message>
            <source>Con&amp;tinue to the full assessment</source>
            <translation>Con&amp;tinua con la valutazione completa</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Chiudi</translation>
        </message>
        <message>
            <source>Result of the quick check</source>
            <translation>Esito della verifica rapida</translation>
        </message>
        <message>
            <source>Not a cyber-surveillance item</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Non è un prodotto di sorveglianza informatica</translation>
        </message>
        <message>
            <source>Listed in Annex I</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Elencato nell'allegato I</translation>
        </message>
        <message>
            <source>A listed item always needs an export authorisation; Article 5 is the catch-all for items that are not listed.</source>
            <translation>Un prodotto elencato richiede sempre un'autorizzazione all'esportazione; l'articolo 5 è la clausola onnicomprensiva per i prodotti non elencati.</translation>
        </message>
        <message>
            <source>Choose your Member State (the EU country your company is established in).</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Scelga il suo Stato membro (il paese dell'UE in cui è stabilita la sua azienda).</translation>
        </message>
        <message>
            <source>Enter the product's name.</source>
            <translation>Inserisca il nome del prodotto.</translation>
        </message>
        <message>
            <source>Choose the destination country.</source>
            <translation>Scelga il paese di destinazione.</translation>
        </message>
        <message>
            <source>The item fails an element of the definition in Art. 2(20) of Regulation (EU) 2021/821, so Article 5 does not apply to it, unless your competent authority has informed you otherwise (the question below). Other controls may still apply: run the check to see them and to keep the reasoning.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Il prodotto non soddisfa un elemento della definizione dell'articolo 2, punto 20, del regolamento (UE) 2021/821; l'articolo 5 quindi non si applica, salvo che l'autorità competente l'abbia informata diversamente (domanda qui sotto). Altri controlli possono comunque applicarsi: esegua la verifica per vederli e conservare la motivazione.</translation>
        </message>
        <message>
            <source>Enter the customer's name.</source>
            <translation>Inserisca il nome del cliente.</translation>
        </message>
    </context>
    <context>
        <name>RegisterController</name>
        <message>
            <source>&amp;Register</source>
            <translation>&amp;Registro</translation>
        </message>
        <message>
            <source>&amp;Quick check…</source>
            <translation>Verifica &amp;rapida…</translation>
        </message>
        <message>
            <source>Save the product to the &amp;library…</source>
            <translation>Salva il prodotto nella &amp;libreria…</translation>
        </message>
        <message>
            <source>&amp;Attach evidence…</source>
            <translation>&amp;Allega un documento…</translation>
        </message>
        <message>
            <source>&amp;Move the draft to the current questionnaire…</source>
            <translation>&amp;Sposta la bozza al questionario attuale…</translation>
        </message>
        <message>
            <source>&amp;Export for transfer…</source>
            <translation>&amp;Esporta per il trasferimento…</translation>
        </message>
        <message>
            <source>&amp;Import a transfer bundle…</source>
            <translation>&amp;Importa un pacchetto di trasferimento…</translation>
        </message>
        <message>
            <source>&amp;Back up the register…</source>
            <translation>Esegui il &amp;backup del registro…</translation>
        </message>
        <message>
            <source>&amp;Verify the audit trail</source>
            <translation>&amp;Verifica la traccia di controllo</translation>
        </message>
        <message>
            <source>Select an assessment</source>
            <translation>Selezioni una valutazione</translation>
        </message>
        <message>
            <source>Select an assessment in the register first.</source>
            <translation>Selezioni prima una valutazione nel registro.</translation>
        </message>
        <message>
            <source>Not duplicated</source>
            <translation>Non duplicata</translation>
        </message>
        <message>
            <source>Title not changed</source>
            <translation>Titolo non modificato</translation>
        </message>
        <message>
            <source>Only a draft's title can be changed: a finished assessment's title is in its report. Amend the assessment to change it.</source>
            <translation>Si può cambiare solo il titolo di una bozza: il titolo di una valutazione conclusa è nel suo rapporto. Modificate la valutazione per cambiarlo.</translation>
        </message>
        <message>
            <source>Title of %1</source>
            <translation>Titolo di %1</translation>
        </message>
        <message>
            <source>Your own words for this assessment, for example the customer and the order:</source>
            <translation>Le vostre parole per questa valutazione, per esempio il cliente e l’ordine:</translation>
        </message>
        <message>
            <source>Amend %1</source>
            <translation>Modifica %1</translation>
        </message>
        <message>
            <source>A finished or signed assessment is not changed: a new version is made and the old one, with its report, is kept.
Why is it amended?</source>
            <translation>Una valutazione conclusa o firmata non viene modificata: si crea una nuova versione e la vecchia è conservata con il suo rapporto.
Perché viene modificata?</translation>
        </message>
        <message>
            <source>Not amended</source>
            <translation>Non modificata</translation>
        </message>
        <message>
            <source>Must be kept</source>
            <translation>Deve essere conservata</translation>
        </message>
        <message>
            <source>%1 is %2 and must be kept until %3 (Art. 27(3) of Regulation (EU) 2021/821). It cannot be deleted before.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>%1 è %2 e deve essere conservata fino al %3 (articolo 27, paragrafo 3, del regolamento (UE) 2021/821). Non può essere cancellata prima.</translation>
        </message>
        <message>
            <source>Delete this record?</source>
            <translation>Cancellare questo record?</translation>
        </message>
        <message>
            <source>The retention period of %1 ended on %2. Delete it with its answers and attachments? The deletion is recorded in the audit trail.</source>
            <translation>Il periodo di conservazione di %1 è terminato il %2. Cancellarla con le risposte e gli allegati? La cancellazione è registrata nella traccia di controllo.</translation>
        </message>
        <message>
            <source>Not deleted</source>
            <translation>Non cancellato</translation>
        </message>
        <message>
            <source>No product profiles</source>
            <translation>Nessun profilo di prodotto</translation>
        </message>
        <message>
            <source>The product library is empty. Open an assessment whose item questions are answered, then use Register &gt; Save the product to the library.</source>
            <translation>La libreria dei prodotti è vuota. Apra una valutazione con le domande sul prodotto compilate, poi usi Registro &gt; Salva il prodotto nella libreria.</translation>
        </message>
        <message>
            <source>Start from a product</source>
            <translation>Inizia da un prodotto</translation>
        </message>
        <message>
            <source>Product:</source>
            <translation>Prodotto:</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Non iniziata</translation>
        </message>
        <message>
            <source>Save the product</source>
            <translation>Salva il prodotto</translation>
        </message>
        <message>
            <source>Name of the product profile:</source>
            <translation>Nome del profilo di prodotto:</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Non salvato</translation>
        </message>
        <message>
            <source>Product profile “%1” saved (version %2)</source>
            <translation>Profilo di prodotto «%1» salvato (versione %2)</translation>
        </message>
        <message>
            <source>Attach evidence</source>
            <translation>Allega un documento</translation>
        </message>
        <message>
            <source>Datasheet</source>
            <translation>Scheda tecnica</translation>
        </message>
        <message>
            <source>Signed end-user statement</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Dichiarazione di utilizzo finale firmata</translation>
        </message>
        <message>
            <source>Correspondence</source>
            <translation>Corrispondenza</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Altro</translation>
        </message>
        <message>
            <source>What is it?</source>
            <translation>Di che cosa si tratta?</translation>
        </message>
        <message>
            <source>Not attached</source>
            <translation>Non allegato</translation>
        </message>
        <message>
            <source>Attached %1 (SHA-256 %2)</source>
            <translation>%1 allegato (SHA-256 %2)</translation>
        </message>
        <message>
            <source>Cannot move this assessment</source>
            <translation>Impossibile spostare questa valutazione</translation>
        </message>
        <message>
            <source>Up to date</source>
            <translation>Aggiornata</translation>
        </message>
        <message>
            <source>This draft is on the current questionnaire version.</source>
            <translation>Questa bozza usa la versione attuale del questionario.</translation>
        </message>
        <message>
            <source>Move to questionnaire %1?</source>
            <translation>Spostare al questionario %1?</translation>
        </message>
        <message>
            <source>Export for transfer</source>
            <translation>Esporta per il trasferimento</translation>
        </message>
        <message>
            <source>Transfer bundle (*.zip)</source>
            <translation>Pacchetto di trasferimento (*.zip)</translation>
        </message>
        <message>
            <source>Exporting %1 for transfer…</source>
            <translation>Esportazione di %1 per il trasferimento…</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>Esportazione annullata; nessun file è stato scritto.</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>Non esportato</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>Esportato in %1</translation>
        </message>
        <message>
            <source>Import a transfer bundle</source>
            <translation>Importa un pacchetto di trasferimento</translation>
        </message>
        <message>
            <source>Checking the transfer bundle %1…</source>
            <translation>Verifica del pacchetto di trasferimento %1…</translation>
        </message>
        <message>
            <source>Not imported</source>
            <translation>Non importato</translation>
        </message>
        <message>
            <source>Imported as %1</source>
            <translation>Importato come %1</translation>
        </message>
        <message>
            <source>Trust this signer?</source>
            <translation>Fidarsi di questo firmatario?</translation>
        </message>
        <message>
            <source>The reports in this bundle are signed by a certificate this register does not trust yet.

SHA-256 fingerprint:
%1

The certificate calls its owner (their own words, not checked): %2

Compare the fingerprint with the one the signer gave you by another channel (telephone, in person). Trust this signer and import?</source>
            <translation>I rapporti di questo pacchetto sono firmati con un certificato di cui questo registro non si fida ancora.

Impronta SHA-256:
%1

Il certificato indica il titolare (parole sue, non verificate): %2

Confrontate l’impronta con quella che il firmatario vi ha comunicato per un altro canale (telefono, di persona). Fidarsi di questo firmatario e importare?</translation>
        </message>
        <message>
            <source>Back up the register</source>
            <translation>Backup del registro</translation>
        </message>
        <message>
            <source>Register backup (*.db)</source>
            <translation>Backup del registro (*.db)</translation>
        </message>
        <message>
            <source>Backing up the register…</source>
            <translation>Backup del registro in corso…</translation>
        </message>
        <message>
            <source>Backup cancelled; no file was written.</source>
            <translation>Backup annullato; nessun file è stato scritto.</translation>
        </message>
        <message>
            <source>No backup made</source>
            <translation>Nessun backup eseguito</translation>
        </message>
        <message>
            <source>Backup written: %1</source>
            <translation>Backup scritto: %1</translation>
        </message>
        <message>
            <source>Automatic backup failed: %1</source>
            <translation>Backup automatico non riuscito: %1</translation>
        </message>
        <message>
            <source>Audit trail does not match a signed report</source>
            <translation>La traccia di audit non corrisponde a un rapporto firmato</translation>
        </message>
        <message>
            <source>The audit trail was changed and its hashes recomputed: it no longer matches the signed report %1 (%2)</source>
            <translation>La traccia di audit è stata modificata e i suoi hash ricalcolati: non corrisponde più al rapporto firmato %1 (%2)</translation>
        </message>
        <message>
            <source>Audit trail intact</source>
            <translation>Traccia di controllo integra</translation>
        </message>
        <message>
            <source>%1 events; every one matches its hash and the anchors in %2 signed report(s).</source>
            <translation>%1 eventi; ognuno corrisponde al suo hash e agli ancoraggi di %2 rapporto/i firmato/i.</translation>
        </message>
        <message>
            <source>Audit trail broken</source>
            <translation>Traccia di controllo compromessa</translation>
        </message>
        <message>
            <source>The audit trail was changed outside the program, first at event %1: %2</source>
            <translation>La traccia di controllo è stata modificata fuori dal programma, a partire dall'evento %1: %2</translation>
        </message>
    </context>
    <context>
        <name>RegisterModel</name>
        <message>
            <source>Reference</source>
            <translation>Riferimento</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titolo</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Prodotto</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>Destinazione</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Esito</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Stato</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Creata</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Ultima modifica</translation>
        </message>
        <message>
            <source>Keep until</source>
            <translation>Conservare fino al</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Bozza</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Conclusa</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Firmata</translation>
        </message>
        <message>
            <source>Amended</source>
            <translation>Modificata</translation>
        </message>
    </context>
    <context>
        <name>RegisterPage</name>
        <message>
            <source>Assessments</source>
            <translation>Valutazioni</translation>
        </message>
        <message>
            <source>Each assessment checks one export against Article 5 of Regulation (EU) 2021/821. Every answer is saved as you give it. Records are kept at least until the date in “Keep until” (Art. 27(3)).</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Ogni valutazione esamina un'esportazione rispetto all'articolo 5 del regolamento (UE) 2021/821. Ogni risposta viene salvata appena la dà. I registri sono conservati almeno fino alla data in «Conservare fino al» (articolo 27, paragrafo 3).</translation>
        </message>
        <message>
            <source>Search reference, product, customer, destination, dates…</source>
            <translation>Cerca riferimento, prodotto, cliente, destinazione, date…</translation>
        </message>
        <message>
            <source>Search the register</source>
            <translation>Cerca nel registro</translation>
        </message>
        <message>
            <source>Filter by status</source>
            <translation>Filtra per stato</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Qualsiasi stato</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Bozza</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Conclusa</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Firmata</translation>
        </message>
        <message>
            <source>Amended</source>
            <translation>Modificata</translation>
        </message>
        <message>
            <source>Filter by outcome</source>
            <translation>Filtra per esito</translation>
        </message>
        <message>
            <source>Any outcome</source>
            <translation>Qualsiasi esito</translation>
        </message>
        <message>
            <source>Filter by destination</source>
            <translation>Filtra per destinazione</translation>
        </message>
        <message>
            <source>Any destination</source>
            <translation>Qualsiasi destinazione</translation>
        </message>
        <message>
            <source>No assessments yet. Start one with “New assessment”.</source>
            <translation>Ancora nessuna valutazione. Ne inizi una con «Nuova valutazione».</translation>
        </message>
        <message>
            <source>&amp;New assessment</source>
            <translation>&amp;Nuova valutazione</translation>
        </message>
        <message>
            <source>New from &amp;product…</source>
            <translation>Nuova da un &amp;prodotto…</translation>
        </message>
        <message>
            <source>&amp;Quick check…</source>
            <translation>Verifica &amp;rapida…</translation>
        </message>
        <message>
            <source>&amp;Open / resume</source>
            <translation>&amp;Apri / riprendi</translation>
        </message>
        <message>
            <source>D&amp;uplicate</source>
            <translation>D&amp;uplica</translation>
        </message>
        <message>
            <source>&amp;Amend…</source>
            <translation>&amp;Modifica…</translation>
        </message>
        <message>
            <source>&amp;Discard draft…</source>
            <translation>&amp;Scarta la bozza…</translation>
        </message>
        <message>
            <source>Titl&amp;e…</source>
            <translation>Tit&amp;olo…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Cancella…</translation>
        </message>
        <message>
            <source>No assessment matches the filter.</source>
            <translation>Nessuna valutazione corrisponde al filtro.</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Review a potential sanctions-list hit</source>
            <translation>Esaminare una possibile corrispondenza in un elenco delle sanzioni</translation>
        </message>
        <message>
            <source>not given</source>
            <translation>non indicato</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Revisore</translation>
        </message>
        <message>
            <source>Why this is (or is not) the listed party: date of birth, registration number, address, ...</source>
            <translation>Perché questa è (o non è) la parte elencata: data di nascita, numero di registrazione, indirizzo, ...</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>This assessment only</source>
            <translation>Solo questa valutazione</translation>
        </message>
        <message>
            <source>This party, for good (every assessment)</source>
            <translation>Questa parte, definitivamente (ogni valutazione)</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>Ambito</translation>
        </message>
        <message>
            <source>Clear as false positive</source>
            <translation>Escludere come falso positivo</translation>
        </message>
        <message>
            <source>Confirm: this is the listed party</source>
            <translation>Confermare: questa è la parte elencata</translation>
        </message>
        <message>
            <source>Not recorded: %s</source>
            <translation>Non registrato: %s</translation>
        </message>
        <message>
            <source>Review of %1</source>
            <translation>Revisione di %1</translation>
        </message>
        <message>
            <source>approved</source>
            <translation>approvata</translation>
        </message>
        <message>
            <source>has issues</source>
            <translation>con problemi</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>respinta</translation>
        </message>
        <message>
            <source>What is wrong (needed unless approved). A review is never edited afterwards: add a new one instead.</source>
            <translation>Che cosa non va (necessario salvo approvazione). Una revisione non viene mai modificata in seguito: aggiungetene una nuova.</translation>
        </message>
        <message>
            <source>Decision:</source>
            <translation>Decisione:</translation>
        </message>
        <message>
            <source>Comment:</source>
            <translation>Commento:</translation>
        </message>
        <message>
            <source>&amp;Add review</source>
            <translation>&amp;Aggiungere una revisione</translation>
        </message>
        <message>
            <source>Only the compliance officer reviews</source>
            <translation>Solo il responsabile della conformità esegue la revisione</translation>
        </message>
        <message>
            <source>Not reviewed yet.</source>
            <translation>Non ancora revisionata.</translation>
        </message>
        <message>
            <source>Review not saved</source>
            <translation>Revisione non salvata</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Impostazioni</translation>
        </message>
        <message>
            <source>As the system (%1)</source>
            <translation>Come il sistema (%1)</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Lingua:</translation>
        </message>
        <message>
            <source>&amp;Open the folder</source>
            <translation>&amp;Apri la cartella</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Cartella dei dati:</translation>
        </message>
        <message>
            <source>To keep the data elsewhere (a network drive), start the program with --data-dir FOLDER or set ART5_DATA_DIR; the register then opens from there.</source>
            <translation>Per tenere i dati altrove (unità di rete), avvii il programma con --data-dir CARTELLA o imposti ART5_DATA_DIR; il registro si apre quindi da lì.</translation>
        </message>
        <message>
            <source> hours</source>
            <translation> ore</translation>
        </message>
        <message>
            <source>never</source>
            <translation>mai</translation>
        </message>
        <message>
            <source>Automatic &amp;backup every:</source>
            <translation>&amp;Backup automatico ogni:</translation>
        </message>
        <message>
            <source>Backups &amp;kept:</source>
            <translation>Backup &amp;conservati:</translation>
        </message>
        <message>
            <source>Screening &amp;threshold:</source>
            <translation>&amp;Soglia di controllo:</translation>
        </message>
        <message>
            <source>How similar a name must be to a listed name to count as a potential hit.</source>
            <translation>Quanto un nome deve somigliare a un nome elencato per contare come possibile corrispondenza.</translation>
        </message>
        <message>
            <source>How similar a name must be to a listed name to count as a potential hit. Lower finds more spellings and more false hits; the default is 0.88.</source>
            <translation>Quanto un nome deve somigliare a un nome elencato per contare come possibile corrispondenza. Un valore più basso trova più grafie e più falsi positivi; il valore predefinito è 0,88.</translation>
        </message>
        <message>
            <source>Team &amp;register:</source>
            <translation>Registro del &amp;team:</translation>
        </message>
        <message>
            <source>&amp;Work on the team register instead of this computer's register</source>
            <translation>La&amp;vorare sul registro del team invece che sul registro di questo computer</translation>
        </message>
        <message>
            <source>The address of the team's PostgreSQL register (Sync sends finished work there). No password here: it comes from ART5_DATABASE_PASSWORD, a password file readable by you only (~/.pgpass) or the system keyring. Use sslmode=verify-full over a network. Takes effect at the next start.</source>
            <translation>L’indirizzo del registro PostgreSQL del team (la sincronizzazione vi invia le valutazioni concluse). Nessuna password qui: viene da ART5_DATABASE_PASSWORD, da un file di password leggibile solo da voi (~/.pgpass) o dal portachiavi del sistema. In rete usate sslmode=verify-full. Vale dal prossimo avvio.</translation>
        </message>
        <message>
            <source>This start uses the register given by ART5_DATABASE_URL or --database: %1</source>
            <translation>Questo avvio usa il registro indicato da ART5_DATABASE_URL o --database: %1</translation>
        </message>
        <message>
            <source>Signing &amp;identity…</source>
            <translation>&amp;Identità di firma…</translation>
        </message>
        <message>
            <source>Company &amp;profile…</source>
            <translation>&amp;Profilo dell'azienda…</translation>
        </message>
        <message>
            <source>Settings not saved: %1</source>
            <translation>Impostazioni non salvate: %1</translation>
        </message>
        <message>
            <source>Settings not saved: give the team register's address to work on it.</source>
            <translation>Impostazioni non salvate: indicate l’indirizzo del registro del team per lavorarci.</translation>
        </message>
    </context>
    <context>
        <name>TaskDialog</name>
        <message>
            <source>Please wait</source>
            <translation>Attendere</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annulla</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Annullamento…</translation>
        </message>
    </context>
    <context>
        <name>TeamOverviewDialog</name>
        <message>
            <source>Team register</source>
            <translation>Registro del team</translation>
        </message>
        <message>
            <source>Waiting for the authority</source>
            <translation>In attesa dell’autorità</translation>
        </message>
        <message>
            <source>Reviews that sent work back</source>
            <translation>Revisioni che hanno rinviato il lavoro</translation>
        </message>
        <message>
            <source>Synchronisation with the team register</source>
            <translation>Sincronizzazione con il registro del team</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>&amp;Sincronizzare ora</translation>
        </message>
        <message>
            <source>Team register:</source>
            <translation>Registro del team:</translation>
        </message>
        <message>
            <source>compliance officer</source>
            <translation>responsabile della conformità</translation>
        </message>
        <message>
            <source>assessor</source>
            <translation>valutatore</translation>
        </message>
        <message>
            <source>auditor (reads only)</source>
            <translation>revisore (sola lettura)</translation>
        </message>
        <message>
            <source>database owner</source>
            <translation>proprietario del database</translation>
        </message>
        <message>
            <source>Connected to the team register %1 as %2 (%3).</source>
            <translation>Collegato al registro del team %1 come %2 (%3).</translation>
        </message>
        <message>
            <source>Sync runs on a laptop's own register</source>
            <translation>La sincronizzazione parte dal registro proprio di un portatile</translation>
        </message>
        <message>
            <source>This laptop's register (%1). Finished and signed assessments are pushed to the team register with Sync; products and trusted signers come back.</source>
            <translation>Registro di questo portatile (%1). Le valutazioni concluse e firmate vengono inviate al registro del team con la sincronizzazione; i prodotti e i firmatari di fiducia tornano indietro.</translation>
        </message>
        <message>
            <source>Nothing is waiting for an authority.</source>
            <translation>Nulla è in attesa di un’autorità.</translation>
        </message>
        <message>
            <source>No review sent work back.</source>
            <translation>Nessuna revisione ha rinviato lavoro.</translation>
        </message>
        <message>
            <source>CONFLICT %1 (laptop's reference %2, from %3, %4): changed on two machines; the laptop's version is kept beside it, not merged</source>
            <translation>CONFLITTO %1 (riferimento del portatile %2, da %3, %4): modificata su due macchine; la versione del portatile è conservata accanto, non unita</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sincronizzazione</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Verify a report</source>
            <translation>Verifica un rapporto</translation>
        </message>
        <message>
            <source>the signed PDF</source>
            <translation>il PDF firmato</translation>
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation>&amp;Scegli…</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Rapporto</translation>
        </message>
        <message>
            <source>optional: the signer's certificate; default: your own identity</source>
            <translation>facoltativo: il certificato del firmatario; predefinito: la sua identità</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>Sc&amp;egli…</translation>
        </message>
        <message>
            <source>Trusted certificate</source>
            <translation>Certificato attendibile</translation>
        </message>
        <message>
            <source>&amp;Verify</source>
            <translation>&amp;Verifica</translation>
        </message>
        <message>
            <source>Details of the verification</source>
            <translation>Dettagli della verifica</translation>
        </message>
        <message>
            <source>Choose a report</source>
            <translation>Scegli un rapporto</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Choose a certificate</source>
            <translation>Scegli un certificato</translation>
        </message>
        <message>
            <source>Certificates (*.crt *.pem *.cer *.der)</source>
            <translation>Certificati (*.crt *.pem *.cer *.der)</translation>
        </message>
        <message>
            <source>Choose a PDF first.</source>
            <translation>Scelga prima un PDF.</translation>
        </message>
        <message>
            <source>Cannot read the file</source>
            <translation>Impossibile leggere il file</translation>
        </message>
        <message>
            <source>Intact, trusted certificate (SHA-256 %1)</source>
            <translation>Integro, certificato attendibile (SHA-256 %1)</translation>
        </message>
        <message>
            <source>Intact but NOT TRUSTED: nothing vouches for this certificate. Compare its SHA-256 %1 with the one the signer gave you.</source>
            <translation>Integro ma NON ATTENDIBILE: nulla garantisce questo certificato. Confrontate il suo SHA-256 %1 con quello che vi ha comunicato il firmatario.</translation>
        </message>
        <message>
            <source>ALTERED: do not rely on this file</source>
            <translation>ALTERATO: non faccia affidamento su questo file</translation>
        </message>
        <message>
            <source>Not signed</source>
            <translation>Non firmato</translation>
        </message>
    </context>
    <context>
        <name>WizardView</name>
        <message>
            <source>Back to the list of assessments (everything is saved)</source>
            <translation>Torna all'elenco delle valutazioni (tutto è salvato)</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Indietro</translation>
        </message>
        <message>
            <source>&amp;Next</source>
            <translation>&amp;Avanti</translation>
        </message>
        <message>
            <source>Save a &amp;draft PDF</source>
            <translation>Salva un PDF di &amp;bozza</translation>
        </message>
        <message>
            <source>&amp;Finish and create the report</source>
            <translation>&amp;Concludi e crea il rapporto</translation>
        </message>
        <message>
            <source>Not saved: %s</source>
            <translation>Non salvato: %s</translation>
        </message>
        <message>
            <source>All answers saved</source>
            <translation>Tutte le risposte sono salvate</translation>
        </message>
        <message>
            <source>This assessment is finished; it is shown read-only.</source>
            <translation>Questa valutazione è conclusa; è mostrata in sola lettura.</translation>
        </message>
        <message>
            <source>Check your answers</source>
            <translation>Ricontrolla le risposte</translation>
        </message>
        <message>
            <source>Every answer is listed with the question it answers. Use “Change” next to an answer to correct it; you come back to this summary afterwards. Questions marked “Not answered” must be answered before the assessment can be finished.</source>
            <translation>Ogni risposta è elencata con la domanda a cui risponde. Usi «Modifica» accanto a una risposta per correggerla; poi torna a questo riepilogo. Le domande segnate «Senza risposta» devono avere una risposta prima di poter concludere la valutazione.</translation>
        </message>
        <message>
            <source>Read your answers once more. Use “Change” to correct one; you come back here afterwards.</source>
            <translation>Rilegga le risposte. Usi «Modifica» per correggerne una; poi torna qui.</translation>
        </message>
        <message>
            <source>How the outcome is reached</source>
            <translation>Come si arriva all'esito</translation>
        </message>
        <message>
            <source>The outcome follows from the rules of this questionnaire version, applied in a fixed order: the first that applies wins. “Reasoning” lists each step with its legal source; the PDF report carries the same trace. While questions are unanswered the outcome is provisional and the assessment cannot be finished.</source>
            <translation>L'esito deriva dalle regole di questa versione del questionario, applicate in un ordine fisso: vale la prima che si applica. «Motivazione» elenca ogni passaggio con la sua fonte giuridica; il rapporto PDF riporta lo stesso percorso. Finché ci sono domande senza risposta, l'esito è provvisorio e la valutazione non può essere conclusa.</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Esito</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completato</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>In corso</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Non iniziata</translation>
        </message>
        <message>
            <source>Removed invisible or control characters: %s</source>
            <translation>Caratteri invisibili o di controllo rimossi: %s</translation>
        </message>
        <message numerus="yes">
            <source>Saved without %n invisible or control character(s)</source>
            <translation>
                <numerusform>Salvato senza %n carattere invisibile o di controllo</numerusform>
                <numerusform>Salvato senza %n caratteri invisibili o di controllo</numerusform>
            </translation>
        </message>
        <message>
            <source>Not saved: check the answer marked in red</source>
            <translation>Non salvato: controlli la risposta segnata in rosso</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Salvataggio…</translation>
        </message>
        <message>
            <source>Sections of the assessment</source>
            <translation>Sezioni della valutazione</translation>
        </message>
        <message>
            <source>Help for the focused question</source>
            <translation>Guida per la domanda attiva</translation>
        </message>
        <message>
            <source>Re&amp;gister</source>
            <translation>Regis&amp;tro</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Avanzamento</translation>
        </message>
        <message>
            <source>Enter, Alt+Right or Ctrl+Enter</source>
            <translation>Invio, Alt+Destra o Ctrl+Invio</translation>
        </message>
        <message>
            <source>Alt+Left</source>
            <translation>Alt+Sinistra</translation>
        </message>
        <message>
            <source>Your answers</source>
            <translation>Le sue risposte</translation>
        </message>
        <message>
            <source>%1 of %2 sections done</source>
            <translation>%1 di %2 sezioni completate</translation>
        </message>
        <message>
            <source>Return to the summary</source>
            <translation>Torna al riepilogo</translation>
        </message>
        <message>
            <source>Continue to the outcome</source>
            <translation>Avanti all'esito</translation>
        </message>
        <message>
            <source>Not saved yet: the entry is not complete</source>
            <translation>Non ancora salvato: la voce è incompleta</translation>
        </message>
        <message>
            <source>Saved at %s</source>
            <translation>Salvato alle %s</translation>
        </message>
        <message>
            <source>this guidance rests on a source that has not yet been checked against the Official Journal.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>queste indicazioni si basano su una fonte non ancora verificata rispetto alla Gazzetta ufficiale.</translation>
        </message>
        <message>
            <source>Legal sources</source>
            <translation>Fonti giuridiche</translation>
        </message>
        <message>
            <source>Not yet checked:</source>
            <translation>Non ancora verificato:</translation>
        </message>
        <message>
            <source>not yet checked against the Official Journal</source>
            <translation>non ancora verificato sulla Gazzetta ufficiale</translation>
        </message>
        <message>
            <source>secondary source</source>
            <translation>fonte secondaria</translation>
        </message>
        <message>
            <source>Not answered</source>
            <translation>Senza risposta</translation>
        </message>
        <message>
            <source>Not given (optional)</source>
            <translation>Non indicato (facoltativo)</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Modifica</translation>
        </message>
        <message>
            <source>Provisional:</source>
            <translation>Provvisorio:</translation>
        </message>
        <message numerus="yes">
            <source>%n question(s) are still unanswered; the outcome may change.</source>
            <translation>
                <numerusform>%n domanda è ancora senza risposta; l'esito può cambiare.</numerusform>
                <numerusform>%n domande sono ancora senza risposta; l'esito può cambiare.</numerusform>
            </translation>
        </message>
        <message>
            <source>If the item is on the list(s) you were unsure about:</source>
            <translation>Se il prodotto figura nell’elenco o negli elenchi su cui avevate dubbi:</translation>
        </message>
        <message>
            <source>If it is not:</source>
            <translation>In caso contrario:</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>Che cosa fare ora</translation>
        </message>
        <message>
            <source>Reasoning</source>
            <translation>Motivazione</translation>
        </message>
        <message>
            <source>Open questions: ask the competent authority</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Domande aperte: da porre all'autorità competente</translation>
        </message>
        <message>
            <source>Still unanswered</source>
            <translation>Ancora senza risposta</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Avvertenze</translation>
        </message>
        <message>
            <source>This assessment is finished.</source>
            <translation>Questa valutazione è conclusa.</translation>
        </message>
        <message>
            <source>Answer every question before finishing (see “Still unanswered”).</source>
            <translation>Risponda a ogni domanda prima di concludere (vedi «Ancora senza risposta»).</translation>
        </message>
        <message>
            <source>Finishing stores the outcome and writes the PDF report.</source>
            <translation>La conclusione salva l'esito e scrive il rapporto PDF.</translation>
        </message>
        <message>
            <source>Not written: %s</source>
            <translation>Non scritto: %s</translation>
        </message>
        <message>
            <source>Writing and signing the report %1…</source>
            <translation>Scrittura e firma del rapporto %1…</translation>
        </message>
        <message>
            <source>Writing the report %1…</source>
            <translation>Scrittura del rapporto %1…</translation>
        </message>
        <message>
            <source>Report written: %s</source>
            <translation>Rapporto scritto: %s</translation>
        </message>
        <message>
            <source>Not finished: the report cannot be written. %s</source>
            <translation>Non concluso: il rapporto non può essere scritto. %s</translation>
        </message>
        <message>
            <source>Finished. Report: %s</source>
            <translation>Concluso. Rapporto: %s</translation>
        </message>
        <message>
            <source>Draft &amp;notification…</source>
            <translation>Bozza di &amp;notifica…</translation>
        </message>
        <message>
            <source>End-&amp;user statement…</source>
            <translation>Dichiarazione di &amp;utilizzo finale…</translation>
        </message>
        <message>
            <source>&amp;Sign the report…</source>
            <translation>&amp;Firma il rapporto…</translation>
        </message>
        <message>
            <source>The report is NOT signed: %1</source>
            <translation>Il rapporto NON è firmato: %1</translation>
        </message>
        <message>
            <source>Report written unsigned: %1</source>
            <translation>Rapporto scritto senza firma: %1</translation>
        </message>
        <message>
            <source>Finished. The report is NOT signed (no signing identity yet; use “Sign the report…” to create one): %1</source>
            <translation>Concluso. Il rapporto NON è firmato (ancora nessuna identità di firma; usi «Firma il rapporto…» per crearne una): %1</translation>
        </message>
        <message>
            <source>The report is NOT signed (no signing identity): %1</source>
            <translation>Il rapporto NON è firmato (nessuna identità di firma): %1</translation>
        </message>
        <message>
            <source>Passphrase of your signing identity, to sign the report:</source>
            <translation>Passphrase della sua identità di firma, per firmare il rapporto:</translation>
        </message>
        <message>
            <source>Finished. The report is NOT signed (cancelled): %1</source>
            <translation>Concluso. Il rapporto NON è firmato (annullato): %1</translation>
        </message>
        <message>
            <source>The report could not be signed: %1</source>
            <translation>Non è stato possibile firmare il rapporto: %1</translation>
        </message>
        <message>
            <source>Signed report: %1 (the register could not record the signature: %2)</source>
            <translation>Rapporto firmato: %1 (il registro non ha potuto registrare la firma: %2)</translation>
        </message>
        <message>
            <source>Finished. Signed report: %1</source>
            <translation>Concluso. Rapporto firmato: %1</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Art5 Assessor is already open with the data folder %1. Switch to that window, or close it and start again. Nothing was changed.</source>
            <translation>Art5 Assessor è già aperto con la cartella dei dati %1. Passi a quella finestra, oppure la chiuda e ricominci. Nulla è stato modificato.</translation>
        </message>
        <message>
            <source>Art5 Assessor</source>
            <translation>Art5 Assessor</translation>
        </message>
        <message>
            <source>Held by: %1</source>
            <translation>Tenuto da: %1</translation>
        </message>
    </context>
</TS>
