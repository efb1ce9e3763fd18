<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Art5 Assessor</source>
            <translation>À propos d'Art5 Assessor</translation>
        </message>
    </context>
    <context>
        <name>CountryCombo</name>
        <message>
            <source>Type to search, e.g. Germany or DE</source>
            <translation>Tapez pour chercher, p. ex. Allemagne ou DE</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Art5 Assessor: unexpected error</source>
            <translation>Art5 Assessor : erreur inattendue</translation>
        </message>
        <message>
            <source>Something went wrong inside the program. Every answer you gave was saved when you gave it, so nothing is lost. You can keep working, or restart the program.

If the error comes back, send the details below to your support contact.</source>
            <translation>Une erreur s'est produite dans le programme. Chaque réponse a été enregistrée au moment où vous l'avez donnée : rien n'est perdu. Vous pouvez continuer ou redémarrer le programme.

Si l'erreur se reproduit, envoyez les détails ci-dessous à votre support.</translation>
        </message>
        <message>
            <source>Log folder: %s</source>
            <translation>Dossier des journaux : %s</translation>
        </message>
        <message>
            <source>&amp;Copy details</source>
            <translation>&amp;Copier les détails</translation>
        </message>
        <message>
            <source>Open the &amp;log folder</source>
            <translation>Ouvrir le dossier des &amp;journaux</translation>
        </message>
    </context>
    <context>
        <name>DateWidget</name>
        <message>
            <source>Calendar…</source>
            <translation>Calendrier…</translation>
        </message>
    </context>
    <context>
        <name>DestinationMeasuresBox</name>
        <message>
            <source>No EU destination measure is recorded for %s in the reference data.</source>
            <translation>Aucune mesure de l'UE n'est enregistrée pour %s dans les données de référence.</translation>
        </message>
        <message>
            <source>EU measures for %s</source>
            <translation>Mesures de l'UE pour %s</translation>
        </message>
    </context>
    <context>
        <name>DraftDialog</name>
        <message>
            <source>Sign the PDF</source>
            <translation>Signer le PDF</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exporter…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Folder for the draft</source>
            <translation>Dossier du projet</translation>
        </message>
        <message>
            <source>Passphrase of your signing identity, to sign the PDF:</source>
            <translation>Phrase secrète de votre identité de signature, pour signer le PDF :</translation>
        </message>
        <message>
            <source>Not exported (cancelled).</source>
            <translation>Non exporté (annulé).</translation>
        </message>
        <message>
            <source>Read and complete the end-user statement before you send it to your customer for signature: replace every “[to complete]”. Lines starting with “# ” are headings, “- ” list items. Export writes the PDF and the Word file, which the customer signs and returns; keep the signed copy with the assessment.</source>
            <translation>Lisez et complétez la déclaration d’utilisateur final avant de l’envoyer à votre client pour signature : remplacez chaque « [to complete] ». Les lignes commençant par « # » sont des titres, « - » des éléments de liste. L’export écrit le PDF et le fichier Word, que le client signe et renvoie ; conservez l’exemplaire signé avec l’évaluation.</translation>
        </message>
        <message>
            <source>Read and complete the draft: replace every “[to complete]” and check the parts marked “to verify”. Lines starting with “# ” are headings, “- ” list items. Export writes the PDF, the Word file and the text from this text.</source>
            <translation>Lisez et complétez le projet : remplacez chaque « [to complete] » et vérifiez les parties marquées « to verify ». Les lignes commençant par « # » sont des titres, « - » des éléments de liste. L’export écrit à partir de ce texte le PDF, le fichier Word et le texte.</translation>
        </message>
        <message>
            <source> (to verify)</source>
            <translation> (à vérifier)</translation>
        </message>
        <message>
            <source>How to send it: </source>
            <translation>Comment la transmettre : </translation>
        </message>
        <message>
            <source>For you (not printed in the document): </source>
            <translation>Pour vous (non imprimé dans le document) : </translation>
        </message>
        <message>
            <source>Start &amp;again from the assessment</source>
            <translation>Recommencer depuis l’é&amp;valuation</translation>
        </message>
        <message>
            <source>The draft could not be saved: %1</source>
            <translation>Le projet n’a pas pu être enregistré : %1</translation>
        </message>
        <message>
            <source>%1 place(s) left to complete: %2</source>
            <translation>%1 endroit(s) encore à compléter : %2</translation>
        </message>
        <message>
            <source>Not exported: places are left to complete.</source>
            <translation>Non exporté : des endroits restent à compléter.</translation>
        </message>
        <message>
            <source>Characters the PDF cannot show</source>
            <translation>Caractères que le PDF ne peut pas afficher</translation>
        </message>
        <message>
            <source>Writing the draft (%1)…</source>
            <translation>Écriture du projet (%1)…</translation>
        </message>
        <message>
            <source>Written: %1</source>
            <translation>Écrit : %1</translation>
        </message>
        <message>
            <source> (PDF signed)</source>
            <translation> (PDF signé)</translation>
        </message>
        <message>
            <source>Your edited draft (saved %1) is shown.</source>
            <translation>Votre projet modifié (enregistré le %1) est affiché.</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>After the notification: %1</source>
            <translation>Après la notification : %1</translation>
        </message>
        <message>
            <source>Notification sent</source>
            <translation>Notification envoyée</translation>
        </message>
        <message>
            <source>authority's portal</source>
            <translation>portail de l’autorité</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>courriel</translation>
        </message>
        <message>
            <source>post</source>
            <translation>courrier postal</translation>
        </message>
        <message>
            <source>fax</source>
            <translation>télécopie</translation>
        </message>
        <message>
            <source>in person</source>
            <translation>en personne</translation>
        </message>
        <message>
            <source>other</source>
            <translation>autre</translation>
        </message>
        <message>
            <source>Sent on:</source>
            <translation>Envoyée le :</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Canal :</translation>
        </message>
        <message>
            <source>Authority's reference:</source>
            <translation>Référence de l’autorité :</translation>
        </message>
        <message>
            <source>Record as &amp;sent</source>
            <translation>Enregistrer comme &amp;envoyée</translation>
        </message>
        <message>
            <source>The authority's answer</source>
            <translation>Réponse de l’autorité</translation>
        </message>
        <message>
            <source>licence required</source>
            <translation>licence requise</translation>
        </message>
        <message>
            <source>licence not required</source>
            <translation>licence non requise</translation>
        </message>
        <message>
            <source>no decision</source>
            <translation>pas de décision</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choisir…</translation>
        </message>
        <message>
            <source>Decision:</source>
            <translation>Décision :</translation>
        </message>
        <message>
            <source>Received on:</source>
            <translation>Reçue le :</translation>
        </message>
        <message>
            <source>Reply (file):</source>
            <translation>Réponse (fichier) :</translation>
        </message>
        <message>
            <source>Record the &amp;answer</source>
            <translation>Enregistrer la &amp;réponse</translation>
        </message>
        <message>
            <source>Shipment</source>
            <translation>Expédition</translation>
        </message>
        <message>
            <source>Hold the shipment until the authority decided</source>
            <translation>Retenir l’expédition jusqu’à la décision de l’autorité</translation>
        </message>
        <message>
            <source>why the hold is lifted (e.g. the licence number)</source>
            <translation>pourquoi la retenue est levée (p. ex. le numéro de licence)</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Appliquer</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>Motif :</translation>
        </message>
        <message>
            <source>Mark as &amp;shipped today</source>
            <translation>Marquer comme &amp;expédié aujourd’hui</translation>
        </message>
        <message>
            <source>to verify</source>
            <translation>à vérifier</translation>
        </message>
        <message>
            <source>The authority's reply</source>
            <translation>Réponse de l’autorité</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Non enregistré</translation>
        </message>
    </context>
    <context>
        <name>GroupRow</name>
        <message>
            <source>(optional)</source>
            <translation>(facultatif)</translation>
        </message>
        <message>
            <source>Remove this entry</source>
            <translation>Supprimer cette entrée</translation>
        </message>
        <message>
            <source>Remove entry %1</source>
            <translation>Supprimer l'entrée %1</translation>
        </message>
    </context>
    <context>
        <name>GroupWidget</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler la suppression</translation>
        </message>
        <message>
            <source>Add an entry</source>
            <translation>Ajouter une entrée</translation>
        </message>
        <message>
            <source>Entry %1 removed%2.</source>
            <translation>Entrée %1 supprimée%2.</translation>
        </message>
    </context>
    <context>
        <name>IdentityDialog</name>
        <message>
            <source>Signing identity</source>
            <translation>Identité de signature</translation>
        </message>
        <message>
            <source>Create a key and a certificate made by your company (self-signed), or import one from a certification authority or an eID (PKCS#12, .p12/.pfx). The key is stored encrypted with your passphrase; the passphrase is never stored.</source>
            <translation>Créez une clé et un certificat émis par votre entreprise (auto-signé), ou importez-en un d'une autorité de certification ou d'une eID (PKCS#12, .p12/.pfx). La clé est stockée chiffrée avec votre phrase secrète ; la phrase secrète n'est jamais stockée.</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Votre nom</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <source>Country (2 letters)</source>
            <translation>Pays (2 lettres)</translation>
        </message>
        <message>
            <source>Passphrase (8+ characters)</source>
            <translation>Phrase secrète (8 caractères ou plus)</translation>
        </message>
        <message>
            <source>Repeat the passphrase</source>
            <translation>Répétez la phrase secrète</translation>
        </message>
        <message>
            <source>&amp;Create identity</source>
            <translation>&amp;Créer l'identité</translation>
        </message>
        <message>
            <source>&amp;Import .p12…</source>
            <translation>&amp;Importer un .p12…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>No signing identity yet: reports are written unsigned.</source>
            <translation>Pas encore d'identité de signature : les rapports sont écrits sans signature.</translation>
        </message>
        <message>
            <source>EXPIRED</source>
            <translation>EXPIRÉ</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>valide</translation>
        </message>
        <message>
            <source>Current identity: %1 (%2), %3 until %4
SHA-256: %5</source>
            <translation>Identité actuelle : %1 (%2), %3 jusqu'au %4
SHA-256 : %5</translation>
        </message>
        <message>
            <source>Replace with a &amp;new identity</source>
            <translation>Remplacer par une &amp;nouvelle identité</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Les deux phrases secrètes diffèrent.</translation>
        </message>
        <message>
            <source>Replace the identity?</source>
            <translation>Remplacer l'identité ?</translation>
        </message>
        <message>
            <source>Reports signed with the current key stay valid, but new reports will carry the new fingerprint. Replace it?</source>
            <translation>Les rapports signés avec la clé actuelle restent valides, mais les nouveaux rapports porteront la nouvelle empreinte. La remplacer ?</translation>
        </message>
        <message>
            <source>Identity created. Give this fingerprint to whoever checks your reports: %1</source>
            <translation>Identité créée. Donnez cette empreinte à qui vérifie vos rapports : %1</translation>
        </message>
        <message>
            <source>Import a signing identity</source>
            <translation>Importer une identité de signature</translation>
        </message>
        <message>
            <source>PKCS#12 (*.p12 *.pfx)</source>
            <translation>PKCS#12 (*.p12 *.pfx)</translation>
        </message>
        <message>
            <source>Passphrase of %1:</source>
            <translation>Phrase secrète de %1 :</translation>
        </message>
        <message>
            <source>Identity imported.</source>
            <translation>Identité importée.</translation>
        </message>
    </context>
    <context>
        <name>ListsDialog</name>
        <message>
            <source>Sanctions lists</source>
            <translation>Listes de sanctions</translation>
        </message>
        <message>
            <source>Parties are screened offline against these lists. Download the EU consolidated financial sanctions list (XML or CSV) or the UN Security Council consolidated list (XML) with your browser, then import the file here.</source>
            <translation>Les parties sont contrôlées hors ligne avec ces listes. Téléchargez avec votre navigateur la liste consolidée des sanctions financières de l'UE (XML ou CSV) ou la liste consolidée du Conseil de sécurité des Nations unies (XML), puis importez le fichier ici.</translation>
        </message>
        <message>
            <source>Imported sanctions lists</source>
            <translation>Listes de sanctions importées</translation>
        </message>
        <message>
            <source>List</source>
            <translation>Liste</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>Générée</translation>
        </message>
        <message>
            <source>Entities</source>
            <translation>Entités</translation>
        </message>
        <message>
            <source>Names</source>
            <translation>Noms</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Import a file…</source>
            <translation>Importer un fichier…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>in use</source>
            <translation>en usage</translation>
        </message>
        <message>
            <source>replaced</source>
            <translation>remplacée</translation>
        </message>
        <message>
            <source>No list imported yet: parties cannot be screened.</source>
            <translation>Aucune liste importée : les parties ne peuvent pas être contrôlées.</translation>
        </message>
        <message>
            <source>Older than %d days: %s. Import a newer file.</source>
            <translation>Plus ancienne que %d jours : %s. Importez un fichier plus récent.</translation>
        </message>
        <message>
            <source>Import a sanctions list</source>
            <translation>Importer une liste de sanctions</translation>
        </message>
        <message>
            <source>Sanctions lists (*.xml *.csv);;All files (*)</source>
            <translation>Listes de sanctions (*.xml *.csv);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Importing %s…</source>
            <translation>Importation de %s…</translation>
        </message>
        <message>
            <source>%1 entities read</source>
            <translation>%1 entités lues</translation>
        </message>
        <message>
            <source>Screening saved parties again…</source>
            <translation>Nouveau contrôle des parties enregistrées…</translation>
        </message>
        <message>
            <source>Importing the sanctions list %1…</source>
            <translation>Importation de la liste de sanctions %1…</translation>
        </message>
        <message>
            <source>Import cancelled. The list imported before is still in use.</source>
            <translation>Importation annulée. La liste importée auparavant reste en usage.</translation>
        </message>
        <message>
            <source>Not imported: %s. The list imported before is still in use.</source>
            <translation>Non importée : %s. La liste importée auparavant reste en usage.</translation>
        </message>
        <message>
            <source>Imported %s of %s: %d entities, %d names.</source>
            <translation>%s du %s importée : %d entités, %d noms.</translation>
        </message>
        <message>
            <source>Saved parties screened again</source>
            <translation>Parties enregistrées contrôlées à nouveau</translation>
        </message>
        <message>
            <source>The new list changes the screening of saved parties:</source>
            <translation>La nouvelle liste modifie le contrôle des parties enregistrées :</translation>
        </message>
        <message>
            <source>Saved parties screened again: no change.</source>
            <translation>Parties enregistrées contrôlées à nouveau : aucun changement.</translation>
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
            <translation>Ouverture du registre…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;New assessment</source>
            <translation>&amp;Nouvelle évaluation</translation>
        </message>
        <message>
            <source>Company &amp;profile…</source>
            <translation>&amp;Profil de l'entreprise…</translation>
        </message>
        <message>
            <source>&amp;Signing identity…</source>
            <translation>Identité de &amp;signature…</translation>
        </message>
        <message>
            <source>Sanctions &amp;lists…</source>
            <translation>&amp;Listes de sanctions…</translation>
        </message>
        <message>
            <source>S&amp;ettings…</source>
            <translation>Para&amp;mètres…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>&amp;About Art5 Assessor</source>
            <translation>À &amp;propos d'Art5 Assessor</translation>
        </message>
        <message>
            <source>&amp;Verify a report…</source>
            <translation>&amp;Vérifier un rapport…</translation>
        </message>
        <message>
            <source>Register: %s</source>
            <translation>Registre : %s</translation>
        </message>
        <message>
            <source>The register could not be opened</source>
            <translation>Le registre n'a pas pu être ouvert</translation>
        </message>
        <message>
            <source>The register could not be opened:</source>
            <translation>Le registre n'a pas pu être ouvert :</translation>
        </message>
        <message>
            <source>Register not opened</source>
            <translation>Registre non ouvert</translation>
        </message>
        <message>
            <source>The register could not be opened. Nothing was changed.</source>
            <translation>Le registre n'a pas pu être ouvert. Rien n'a été modifié.</translation>
        </message>
        <message>
            <source>Questionnaire not usable</source>
            <translation>Questionnaire inutilisable</translation>
        </message>
        <message>
            <source>Not saved: %s</source>
            <translation>Non enregistré : %s</translation>
        </message>
        <message>
            <source>Not saved: the register could not be opened</source>
            <translation>Non enregistré : le registre n'a pas pu être ouvert</translation>
        </message>
        <message>
            <source>Cannot open the assessment</source>
            <translation>Impossible d'ouvrir l'évaluation</translation>
        </message>
        <message>
            <source>Discard this draft?</source>
            <translation>Abandonner ce brouillon ?</translation>
        </message>
        <message>
            <source>Discard draft %1 and its answers? This cannot be undone; the discard is recorded in the audit trail.</source>
            <translation>Abandonner le brouillon %1 et ses réponses ? Cette action est irréversible ; l'abandon est consigné dans la piste d'audit.</translation>
        </message>
        <message>
            <source>&amp;Team</source>
            <translation>É&amp;quipe</translation>
        </message>
        <message>
            <source>Team &amp;register and reminders…</source>
            <translation>&amp;Registre de l’équipe et rappels…</translation>
        </message>
        <message>
            <source>&amp;After the notification…</source>
            <translation>&amp;Après la notification…</translation>
        </message>
        <message>
            <source>Re&amp;view…</source>
            <translation>Re&amp;vue…</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Équipe</translation>
        </message>
        <message>
            <source>Select an assessment in the register first.</source>
            <translation>Sélectionnez d’abord une évaluation dans le registre.</translation>
        </message>
        <message>
            <source>%1 notified export(s) wait for an authority (%2 overdue): Team &gt; Team register</source>
            <translation>%1 exportation(s) notifiée(s) attendent une autorité (%2 en retard) : Équipe &gt; Registre de l’équipe</translation>
        </message>
    </context>
    <context>
        <name>MultiChoiceWidget</name>
        <message>
            <source>None of these</source>
            <translation>Aucun de ceux-ci</translation>
        </message>
    </context>
    <context>
        <name>PartiesScreeningPanel</name>
        <message>
            <source>Parties are screened against the imported sanctions lists as you add them.</source>
            <translation>Les parties sont contrôlées avec les listes de sanctions importées dès que vous les ajoutez.</translation>
        </message>
        <message>
            <source>Not screened: no sanctions list is imported.</source>
            <translation>Non contrôlé : aucune liste de sanctions importée.</translation>
        </message>
        <message>
            <source>Import the EU consolidated list with File › Sanctions lists…</source>
            <translation>Importez la liste consolidée de l'UE avec Fichier › Listes de sanctions…</translation>
        </message>
        <message>
            <source>Screened against: %s</source>
            <translation>Contrôlé avec : %s</translation>
        </message>
        <message>
            <source>no hit</source>
            <translation>aucune correspondance</translation>
        </message>
        <message numerus="yes">
            <source>%n potential hit(s)</source>
            <translation>
                <numerusform>%n correspondance possible</numerusform>
                <numerusform>%n correspondances possibles</numerusform>
            </translation>
        </message>
        <message>
            <source>to review</source>
            <translation>à examiner</translation>
        </message>
        <message>
            <source>cleared</source>
            <translation>écartée</translation>
        </message>
        <message>
            <source>CONFIRMED</source>
            <translation>CONFIRMÉE</translation>
        </message>
        <message>
            <source>Review…</source>
            <translation>Examiner…</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Passphrase</source>
            <translation>Phrase secrète</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderDialog</name>
        <message>
            <source>Places left to complete</source>
            <translation>Endroits encore à compléter</translation>
        </message>
        <message>
            <source>The draft still has these places to complete. Fill them in, or tick each one to confirm it may stay as it is in the exported files:</source>
            <translation>Le projet contient encore ces endroits à compléter. Complétez-les, ou cochez chacun pour confirmer qu’il peut rester tel quel dans les fichiers exportés :</translation>
        </message>
        <message>
            <source>Export with these places</source>
            <translation>Exporter avec ces endroits</translation>
        </message>
    </context>
    <context>
        <name>ProfileDialog</name>
        <message>
            <source>Welcome to Art5 Assessor</source>
            <translation>Bienvenue dans Art5 Assessor</translation>
        </message>
        <message>
            <source>Company profile</source>
            <translation>Profil de l'entreprise</translation>
        </message>
        <message>
            <source>Tell us who exports. These details go on every report and notification draft. You can change them later under File &gt; Company profile.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Indiquez-nous qui exporte. Ces informations figurent sur chaque rapport et chaque projet de notification. Vous pourrez les modifier plus tard sous Fichier &gt; Profil de l'entreprise.</translation>
        </message>
        <message>
            <source>These details go on every report and notification draft.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Ces informations figurent sur chaque rapport et chaque projet de notification.</translation>
        </message>
        <message>
            <source>Company name</source>
            <translation>Nom de l'entreprise</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>EORI number</source>
            <translation>Numéro EORI</translation>
        </message>
        <message>
            <source>Member State of establishment</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>État membre d'établissement</translation>
        </message>
        <message>
            <source>Compliance contact</source>
            <translation>Contact conformité</translation>
        </message>
        <message>
            <source>Contact e-mail</source>
            <translation>Courriel de contact</translation>
        </message>
        <message>
            <source>Contact telephone</source>
            <translation>Téléphone du contact</translation>
        </message>
        <message>
            <source>Compliance officer</source>
            <translation>Responsable de la conformité</translation>
        </message>
        <message>
            <source>Your data is kept on this computer only, in %1 (readable by your user account only). Every answer is saved as you give it. A backup is made automatically before every database upgrade and at the interval set in the settings, in the backups folder beside it; Register &gt; Back up the register… writes a copy wherever you like (a USB stick, a network drive).</source>
            <translation>Vos données restent sur cet ordinateur uniquement, dans %1 (lisible par votre seul compte utilisateur). Chaque réponse est enregistrée dès que vous la donnez. Une sauvegarde est faite automatiquement avant chaque mise à niveau de la base de données et à l'intervalle fixé dans les paramètres, dans le dossier « backups » à côté ; Registre &gt; Sauvegarder le registre… écrit une copie où vous voulez (clé USB, lecteur réseau).</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Plus tard</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Signing &amp;identity…</source>
            <translation>&amp;Identité de signature…</translation>
        </message>
        <message>
            <source>Reports are signed so that anyone can check they were not changed. Create a signing identity now, or import one (.p12) from a certification authority; you can also do it when you sign your first report.</source>
            <translation>Les rapports sont signés afin que chacun puisse vérifier qu'ils n'ont pas été modifiés. Créez maintenant une identité de signature ou importez-en une (.p12) d'une autorité de certification ; vous pouvez aussi le faire en signant votre premier rapport.</translation>
        </message>
        <message>
            <source>Signing identity: %1 (%2), SHA-256 %3…</source>
            <translation>Identité de signature : %1 (%2), SHA-256 %3…</translation>
        </message>
        <message>
            <source>Enter the company name.</source>
            <translation>Saisissez le nom de l'entreprise.</translation>
        </message>
        <message>
            <source>Choose an EU Member State.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Choisissez un État membre de l'UE.</translation>
        </message>
        <message>
            <source>Enter an e-mail address like name@example.com.</source>
            <translation>Saisissez une adresse électronique comme nom@example.com.</translation>
        </message>
    </context>
    <context>
        <name>QuickCheckDialog</name>
        <message>
            <source>Quick check</source>
            <translation>Contrôle rapide</translation>
        </message>
        <message>
            <source>A first answer at the customer's table. It is saved as a draft: finish the full assessment before the export.</source>
            <translation>Une première réponse à la table du client. Elle est enregistrée comme brouillon : terminez l'évaluation complète avant l'exportation.</translation>
        </message>
        <message>
            <source>A new product (describe it below)</source>
            <translation>Un nouveau produit (à décrire ci-dessous)</translation>
        </message>
        <message>
            <source>&amp;Product:</source>
            <translation>&amp;Produit :</translation>
        </message>
        <message>
            <source>e.g. NetGuard firewall 5</source>
            <translation>p. ex. pare-feu NetGuard 5</translation>
        </message>
        <message>
            <source>Product &amp;name:</source>
            <translation>&amp;Nom du produit :</translation>
        </message>
        <message>
            <source>&amp;Destination:</source>
            <translation>&amp;Destination :</translation>
        </message>
        <message>
            <source>Your &amp;Member State:</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Votre État &amp;membre :</translation>
        </message>
        <message>
            <source>Not known yet</source>
            <translation>Pas encore connu</translation>
        </message>
        <message>
            <source>&amp;End user:</source>
            <translation>&amp;Utilisateur final :</translation>
        </message>
        <message>
            <source>The customer's name, as on the order</source>
            <translation>Le nom du client, tel que sur la commande</translation>
        </message>
        <message>
            <source>&amp;Customer:</source>
            <translation>&amp;Client :</translation>
        </message>
        <message>
            <source>The item</source>
            <translation>Le bien</translation>
        </message>
        <message>
            <source>No saved product: these questions decide whether Article 5 can apply at all.</source>
            <translation>Aucun produit enregistré : ces questions déterminent si l'article 5 peut s'appliquer.</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>&amp;Vérifier</translation>
        </message>
        <message>
            <source>Con&amp;tinue to the full assessment</source>
            <translation>Con&amp;tinuer vers l'évaluation complète</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Result of the quick check</source>
            <translation>Résultat du contrôle rapide</translation>
        </message>
        <message>
            <source>Not a cyber-surveillance item</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Pas un bien de cybersurveillance</translation>
        </message>
        <message>
            <source>Listed in Annex I</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Inscrit à l'annexe I</translation>
        </message>
        <message>
            <source>A listed item always needs an export authorisation; Article 5 is the catch-all for items that are not listed.</source>
            <translation>Un bien inscrit nécessite toujours une autorisation d'exportation ; l'article 5 est la clause « attrape-tout » pour les biens non inscrits.</translation>
        </message>
        <message>
            <source>Choose your Member State (the EU country your company is established in).</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Choisissez votre État membre (le pays de l'UE où votre entreprise est établie).</translation>
        </message>
        <message>
            <source>Enter the product's name.</source>
            <translation>Saisissez le nom du produit.</translation>
        </message>
        <message>
            <source>Choose the destination country.</source>
            <translation>Choisissez le pays de destination.</translation>
        </message>
        <message>
            <source>The item fails an element of the definition in Art. 2(20) of Regulation (EU) 2021/821, so Article 5 does not apply to it, unless your competent authority has informed you otherwise (the question below). Other controls may still apply: run the check to see them and to keep the reasoning.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Le bien ne remplit pas un élément de la définition de l'article 2, point 20), du règlement (UE) 2021/821 ; l'article 5 ne s'applique donc pas, sauf si votre autorité compétente vous a informé autrement (question ci-dessous). D'autres contrôles peuvent toutefois s'appliquer : lancez le contrôle pour les voir et conserver le raisonnement.</translation>
        </message>
        <message>
            <source>Enter the customer's name.</source>
            <translation>Saisissez le nom du client.</translation>
        </message>
    </context>
    <context>
        <name>RegisterController</name>
        <message>
            <source>&amp;Register</source>
            <translation>&amp;Registre</translation>
        </message>
        <message>
            <source>&amp;Quick check…</source>
            <translation>Contrôle &amp;rapide…</translation>
        </message>
        <message>
            <source>Save the product to the &amp;library…</source>
            <translation>Enregistrer le produit dans la &amp;bibliothèque…</translation>
        </message>
        <message>
            <source>&amp;Attach evidence…</source>
            <translation>&amp;Joindre une pièce…</translation>
        </message>
        <message>
            <source>&amp;Move the draft to the current questionnaire…</source>
            <translation>&amp;Passer le brouillon au questionnaire actuel…</translation>
        </message>
        <message>
            <source>&amp;Export for transfer…</source>
            <translation>&amp;Exporter pour transfert…</translation>
        </message>
        <message>
            <source>&amp;Import a transfer bundle…</source>
            <translation>&amp;Importer un paquet de transfert…</translation>
        </message>
        <message>
            <source>&amp;Back up the register…</source>
            <translation>&amp;Sauvegarder le registre…</translation>
        </message>
        <message>
            <source>&amp;Verify the audit trail</source>
            <translation>&amp;Vérifier la piste d'audit</translation>
        </message>
        <message>
            <source>Select an assessment</source>
            <translation>Sélectionnez une évaluation</translation>
        </message>
        <message>
            <source>Select an assessment in the register first.</source>
            <translation>Sélectionnez d'abord une évaluation dans le registre.</translation>
        </message>
        <message>
            <source>Not duplicated</source>
            <translation>Non dupliquée</translation>
        </message>
        <message>
            <source>Title not changed</source>
            <translation>Titre non modifié</translation>
        </message>
        <message>
            <source>Only a draft's title can be changed: a finished assessment's title is in its report. Amend the assessment to change it.</source>
            <translation>Seul le titre d’un brouillon peut être modifié : le titre d’une évaluation terminée figure dans son rapport. Modifiez l’évaluation pour le changer.</translation>
        </message>
        <message>
            <source>Title of %1</source>
            <translation>Titre de %1</translation>
        </message>
        <message>
            <source>Your own words for this assessment, for example the customer and the order:</source>
            <translation>Vos propres mots pour cette évaluation, par exemple le client et la commande :</translation>
        </message>
        <message>
            <source>Amend %1</source>
            <translation>Modifier %1</translation>
        </message>
        <message>
            <source>A finished or signed assessment is not changed: a new version is made and the old one, with its report, is kept.
Why is it amended?</source>
            <translation>Une évaluation terminée ou signée n'est pas modifiée : une nouvelle version est créée et l'ancienne est conservée avec son rapport.
Pourquoi est-elle modifiée ?</translation>
        </message>
        <message>
            <source>Not amended</source>
            <translation>Non modifiée</translation>
        </message>
        <message>
            <source>Must be kept</source>
            <translation>Doit être conservée</translation>
        </message>
        <message>
            <source>%1 is %2 and must be kept until %3 (Art. 27(3) of Regulation (EU) 2021/821). It cannot be deleted before.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>%1 est %2 et doit être conservée jusqu'au %3 (article 27, paragraphe 3, du règlement (UE) 2021/821). Elle ne peut pas être supprimée avant.</translation>
        </message>
        <message>
            <source>Delete this record?</source>
            <translation>Supprimer cet enregistrement ?</translation>
        </message>
        <message>
            <source>The retention period of %1 ended on %2. Delete it with its answers and attachments? The deletion is recorded in the audit trail.</source>
            <translation>La durée de conservation de %1 a pris fin le %2. La supprimer avec ses réponses et pièces jointes ? La suppression est consignée dans la piste d'audit.</translation>
        </message>
        <message>
            <source>Not deleted</source>
            <translation>Non supprimé</translation>
        </message>
        <message>
            <source>No product profiles</source>
            <translation>Aucun profil de produit</translation>
        </message>
        <message>
            <source>The product library is empty. Open an assessment whose item questions are answered, then use Register &gt; Save the product to the library.</source>
            <translation>La bibliothèque de produits est vide. Ouvrez une évaluation dont les questions sur le bien sont répondues, puis utilisez Registre &gt; Enregistrer le produit dans la bibliothèque.</translation>
        </message>
        <message>
            <source>Start from a product</source>
            <translation>Partir d'un produit</translation>
        </message>
        <message>
            <source>Product:</source>
            <translation>Produit :</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Non commencée</translation>
        </message>
        <message>
            <source>Save the product</source>
            <translation>Enregistrer le produit</translation>
        </message>
        <message>
            <source>Name of the product profile:</source>
            <translation>Nom du profil de produit :</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Non enregistré</translation>
        </message>
        <message>
            <source>Product profile “%1” saved (version %2)</source>
            <translation>Profil de produit « %1 » enregistré (version %2)</translation>
        </message>
        <message>
            <source>Attach evidence</source>
            <translation>Joindre une pièce</translation>
        </message>
        <message>
            <source>Datasheet</source>
            <translation>Fiche technique</translation>
        </message>
        <message>
            <source>Signed end-user statement</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Déclaration d'utilisateur final signée</translation>
        </message>
        <message>
            <source>Correspondence</source>
            <translation>Correspondance</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <source>What is it?</source>
            <translation>De quoi s'agit-il ?</translation>
        </message>
        <message>
            <source>Not attached</source>
            <translation>Non jointe</translation>
        </message>
        <message>
            <source>Attached %1 (SHA-256 %2)</source>
            <translation>%1 jointe (SHA-256 %2)</translation>
        </message>
        <message>
            <source>Cannot move this assessment</source>
            <translation>Impossible de déplacer cette évaluation</translation>
        </message>
        <message>
            <source>Up to date</source>
            <translation>À jour</translation>
        </message>
        <message>
            <source>This draft is on the current questionnaire version.</source>
            <translation>Ce brouillon utilise la version actuelle du questionnaire.</translation>
        </message>
        <message>
            <source>Move to questionnaire %1?</source>
            <translation>Passer au questionnaire %1 ?</translation>
        </message>
        <message>
            <source>Export for transfer</source>
            <translation>Exporter pour transfert</translation>
        </message>
        <message>
            <source>Transfer bundle (*.zip)</source>
            <translation>Paquet de transfert (*.zip)</translation>
        </message>
        <message>
            <source>Exporting %1 for transfer…</source>
            <translation>Exportation de %1 pour transfert…</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>Exportation annulée ; aucun fichier n'a été écrit.</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>Non exporté</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>Exporté vers %1</translation>
        </message>
        <message>
            <source>Import a transfer bundle</source>
            <translation>Importer un paquet de transfert</translation>
        </message>
        <message>
            <source>Checking the transfer bundle %1…</source>
            <translation>Vérification du paquet de transfert %1…</translation>
        </message>
        <message>
            <source>Not imported</source>
            <translation>Non importé</translation>
        </message>
        <message>
            <source>Imported as %1</source>
            <translation>Importé sous %1</translation>
        </message>
        <message>
            <source>Trust this signer?</source>
            <translation>Faire confiance à ce signataire ?</translation>
        </message>
        <message>
            <source>The reports in this bundle are signed by a certificate this register does not trust yet.

SHA-256 fingerprint:
%1

The certificate calls its owner (their own words, not checked): %2

Compare the fingerprint with the one the signer gave you by another channel (telephone, in person). Trust this signer and import?</source>
            <translation>Les rapports de ce paquet sont signés par un certificat auquel ce registre ne fait pas encore confiance.

Empreinte SHA-256 :
%1

Le certificat nomme son titulaire (ses propres termes, non vérifiés) : %2

Comparez l’empreinte avec celle que le signataire vous a donnée par un autre canal (téléphone, en personne). Faire confiance à ce signataire et importer ?</translation>
        </message>
        <message>
            <source>Back up the register</source>
            <translation>Sauvegarder le registre</translation>
        </message>
        <message>
            <source>Register backup (*.db)</source>
            <translation>Sauvegarde du registre (*.db)</translation>
        </message>
        <message>
            <source>Backing up the register…</source>
            <translation>Sauvegarde du registre…</translation>
        </message>
        <message>
            <source>Backup cancelled; no file was written.</source>
            <translation>Sauvegarde annulée ; aucun fichier n'a été écrit.</translation>
        </message>
        <message>
            <source>No backup made</source>
            <translation>Aucune sauvegarde faite</translation>
        </message>
        <message>
            <source>Backup written: %1</source>
            <translation>Sauvegarde écrite : %1</translation>
        </message>
        <message>
            <source>Automatic backup failed: %1</source>
            <translation>Échec de la sauvegarde automatique : %1</translation>
        </message>
        <message>
            <source>Audit trail does not match a signed report</source>
            <translation>La piste d’audit ne correspond pas à un rapport signé</translation>
        </message>
        <message>
            <source>The audit trail was changed and its hashes recomputed: it no longer matches the signed report %1 (%2)</source>
            <translation>La piste d’audit a été modifiée et ses empreintes recalculées : elle ne correspond plus au rapport signé %1 (%2)</translation>
        </message>
        <message>
            <source>Audit trail intact</source>
            <translation>Piste d'audit intacte</translation>
        </message>
        <message>
            <source>%1 events; every one matches its hash and the anchors in %2 signed report(s).</source>
            <translation>%1 événements ; chacun correspond à son empreinte et aux ancres de %2 rapport(s) signé(s).</translation>
        </message>
        <message>
            <source>Audit trail broken</source>
            <translation>Piste d'audit rompue</translation>
        </message>
        <message>
            <source>The audit trail was changed outside the program, first at event %1: %2</source>
            <translation>La piste d'audit a été modifiée hors du programme, d'abord à l'événement %1 : %2</translation>
        </message>
    </context>
    <context>
        <name>RegisterModel</name>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produit</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>Destination</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Créée</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Dernière modification</translation>
        </message>
        <message>
            <source>Keep until</source>
            <translation>Conserver jusqu'au</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Brouillon</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Terminée</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signée</translation>
        </message>
        <message>
            <source>Amended</source>
            <translation>Modifiée</translation>
        </message>
    </context>
    <context>
        <name>RegisterPage</name>
        <message>
            <source>Assessments</source>
            <translation>Évaluations</translation>
        </message>
        <message>
            <source>Each assessment checks one export against Article 5 of Regulation (EU) 2021/821. Every answer is saved as you give it. Records are kept at least until the date in “Keep until” (Art. 27(3)).</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Chaque évaluation examine une exportation au regard de l'article 5 du règlement (UE) 2021/821. Chaque réponse est enregistrée dès que vous la donnez. Les registres sont conservés au moins jusqu'à la date de « Conserver jusqu'au » (article 27, paragraphe 3).</translation>
        </message>
        <message>
            <source>Search reference, product, customer, destination, dates…</source>
            <translation>Chercher une référence, un produit, un client, une destination, une date…</translation>
        </message>
        <message>
            <source>Search the register</source>
            <translation>Chercher dans le registre</translation>
        </message>
        <message>
            <source>Filter by status</source>
            <translation>Filtrer par statut</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Tout statut</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Brouillon</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Terminée</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signée</translation>
        </message>
        <message>
            <source>Amended</source>
            <translation>Modifiée</translation>
        </message>
        <message>
            <source>Filter by outcome</source>
            <translation>Filtrer par résultat</translation>
        </message>
        <message>
            <source>Any outcome</source>
            <translation>Tout résultat</translation>
        </message>
        <message>
            <source>Filter by destination</source>
            <translation>Filtrer par destination</translation>
        </message>
        <message>
            <source>Any destination</source>
            <translation>Toute destination</translation>
        </message>
        <message>
            <source>No assessments yet. Start one with “New assessment”.</source>
            <translation>Aucune évaluation pour l'instant. Commencez-en une avec « Nouvelle évaluation ».</translation>
        </message>
        <message>
            <source>&amp;New assessment</source>
            <translation>&amp;Nouvelle évaluation</translation>
        </message>
        <message>
            <source>New from &amp;product…</source>
            <translation>Nouvelle à partir d'un &amp;produit…</translation>
        </message>
        <message>
            <source>&amp;Quick check…</source>
            <translation>Contrôle &amp;rapide…</translation>
        </message>
        <message>
            <source>&amp;Open / resume</source>
            <translation>&amp;Ouvrir / reprendre</translation>
        </message>
        <message>
            <source>D&amp;uplicate</source>
            <translation>D&amp;upliquer</translation>
        </message>
        <message>
            <source>&amp;Amend…</source>
            <translation>&amp;Modifier…</translation>
        </message>
        <message>
            <source>&amp;Discard draft…</source>
            <translation>&amp;Abandonner le brouillon…</translation>
        </message>
        <message>
            <source>Titl&amp;e…</source>
            <translation>Titr&amp;e…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Supprimer…</translation>
        </message>
        <message>
            <source>No assessment matches the filter.</source>
            <translation>Aucune évaluation ne correspond au filtre.</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Review a potential sanctions-list hit</source>
            <translation>Examiner une correspondance possible sur une liste de sanctions</translation>
        </message>
        <message>
            <source>not given</source>
            <translation>non indiqué</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Examinateur</translation>
        </message>
        <message>
            <source>Why this is (or is not) the listed party: date of birth, registration number, address, ...</source>
            <translation>Pourquoi il s'agit (ou non) de la partie inscrite : date de naissance, numéro d'immatriculation, adresse, ...</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>This assessment only</source>
            <translation>Cette évaluation uniquement</translation>
        </message>
        <message>
            <source>This party, for good (every assessment)</source>
            <translation>Cette partie, définitivement (toutes les évaluations)</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>Portée</translation>
        </message>
        <message>
            <source>Clear as false positive</source>
            <translation>Écarter comme faux positif</translation>
        </message>
        <message>
            <source>Confirm: this is the listed party</source>
            <translation>Confirmer : il s'agit de la partie inscrite</translation>
        </message>
        <message>
            <source>Not recorded: %s</source>
            <translation>Non enregistré : %s</translation>
        </message>
        <message>
            <source>Review of %1</source>
            <translation>Revue de %1</translation>
        </message>
        <message>
            <source>approved</source>
            <translation>approuvée</translation>
        </message>
        <message>
            <source>has issues</source>
            <translation>à corriger</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>rejetée</translation>
        </message>
        <message>
            <source>What is wrong (needed unless approved). A review is never edited afterwards: add a new one instead.</source>
            <translation>Ce qui ne va pas (requis sauf en cas d’approbation). Une revue n’est jamais modifiée ensuite : ajoutez-en une nouvelle.</translation>
        </message>
        <message>
            <source>Decision:</source>
            <translation>Décision :</translation>
        </message>
        <message>
            <source>Comment:</source>
            <translation>Commentaire :</translation>
        </message>
        <message>
            <source>&amp;Add review</source>
            <translation>&amp;Ajouter une revue</translation>
        </message>
        <message>
            <source>Only the compliance officer reviews</source>
            <translation>Seul le responsable de la conformité fait la revue</translation>
        </message>
        <message>
            <source>Not reviewed yet.</source>
            <translation>Pas encore revue.</translation>
        </message>
        <message>
            <source>Review not saved</source>
            <translation>Revue non enregistrée</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>As the system (%1)</source>
            <translation>Comme le système (%1)</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <source>&amp;Open the folder</source>
            <translation>&amp;Ouvrir le dossier</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Dossier des données :</translation>
        </message>
        <message>
            <source>To keep the data elsewhere (a network drive), start the program with --data-dir FOLDER or set ART5_DATA_DIR; the register then opens from there.</source>
            <translation>Pour conserver les données ailleurs (lecteur réseau), lancez le programme avec --data-dir DOSSIER ou définissez ART5_DATA_DIR ; le registre s'ouvre alors depuis cet emplacement.</translation>
        </message>
        <message>
            <source> hours</source>
            <translation> heures</translation>
        </message>
        <message>
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <source>Automatic &amp;backup every:</source>
            <translation>&amp;Sauvegarde automatique toutes les :</translation>
        </message>
        <message>
            <source>Backups &amp;kept:</source>
            <translation>Sauvegardes &amp;conservées :</translation>
        </message>
        <message>
            <source>Screening &amp;threshold:</source>
            <translation>&amp;Seuil de contrôle :</translation>
        </message>
        <message>
            <source>How similar a name must be to a listed name to count as a potential hit.</source>
            <translation>Degré de ressemblance d'un nom avec un nom inscrit pour compter comme correspondance possible.</translation>
        </message>
        <message>
            <source>How similar a name must be to a listed name to count as a potential hit. Lower finds more spellings and more false hits; the default is 0.88.</source>
            <translation>Degré de ressemblance d'un nom avec un nom inscrit pour compter comme correspondance possible. Plus bas, il trouve plus de graphies et plus de fausses correspondances ; la valeur par défaut est 0,88.</translation>
        </message>
        <message>
            <source>Team &amp;register:</source>
            <translation>Registre de l’é&amp;quipe :</translation>
        </message>
        <message>
            <source>&amp;Work on the team register instead of this computer's register</source>
            <translation>&amp;Travailler sur le registre de l’équipe au lieu du registre de cet ordinateur</translation>
        </message>
        <message>
            <source>The address of the team's PostgreSQL register (Sync sends finished work there). No password here: it comes from ART5_DATABASE_PASSWORD, a password file readable by you only (~/.pgpass) or the system keyring. Use sslmode=verify-full over a network. Takes effect at the next start.</source>
            <translation>L’adresse du registre PostgreSQL de l’équipe (la synchronisation y envoie les évaluations terminées). Pas de mot de passe ici : il vient de ART5_DATABASE_PASSWORD, d’un fichier de mots de passe lisible par vous seul (~/.pgpass) ou du trousseau du système. Sur un réseau, utilisez sslmode=verify-full. Prend effet au prochain démarrage.</translation>
        </message>
        <message>
            <source>This start uses the register given by ART5_DATABASE_URL or --database: %1</source>
            <translation>Ce démarrage utilise le registre indiqué par ART5_DATABASE_URL ou --database : %1</translation>
        </message>
        <message>
            <source>Signing &amp;identity…</source>
            <translation>&amp;Identité de signature…</translation>
        </message>
        <message>
            <source>Company &amp;profile…</source>
            <translation>&amp;Profil de l'entreprise…</translation>
        </message>
        <message>
            <source>Settings not saved: %1</source>
            <translation>Paramètres non enregistrés : %1</translation>
        </message>
        <message>
            <source>Settings not saved: give the team register's address to work on it.</source>
            <translation>Paramètres non enregistrés : indiquez l’adresse du registre de l’équipe pour y travailler.</translation>
        </message>
    </context>
    <context>
        <name>TaskDialog</name>
        <message>
            <source>Please wait</source>
            <translation>Veuillez patienter</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Annulation…</translation>
        </message>
    </context>
    <context>
        <name>TeamOverviewDialog</name>
        <message>
            <source>Team register</source>
            <translation>Registre de l’équipe</translation>
        </message>
        <message>
            <source>Waiting for the authority</source>
            <translation>En attente de l’autorité</translation>
        </message>
        <message>
            <source>Reviews that sent work back</source>
            <translation>Revues qui ont renvoyé le travail</translation>
        </message>
        <message>
            <source>Synchronisation with the team register</source>
            <translation>Synchronisation avec le registre de l’équipe</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>&amp;Synchroniser maintenant</translation>
        </message>
        <message>
            <source>Team register:</source>
            <translation>Registre de l’équipe :</translation>
        </message>
        <message>
            <source>compliance officer</source>
            <translation>responsable de la conformité</translation>
        </message>
        <message>
            <source>assessor</source>
            <translation>évaluateur</translation>
        </message>
        <message>
            <source>auditor (reads only)</source>
            <translation>auditeur (lecture seule)</translation>
        </message>
        <message>
            <source>database owner</source>
            <translation>propriétaire de la base de données</translation>
        </message>
        <message>
            <source>Connected to the team register %1 as %2 (%3).</source>
            <translation>Connecté au registre de l’équipe %1 en tant que %2 (%3).</translation>
        </message>
        <message>
            <source>Sync runs on a laptop's own register</source>
            <translation>La synchronisation se fait depuis le registre propre d’un portable</translation>
        </message>
        <message>
            <source>This laptop's register (%1). Finished and signed assessments are pushed to the team register with Sync; products and trusted signers come back.</source>
            <translation>Registre de ce portable (%1). Les évaluations terminées et signées sont envoyées au registre de l’équipe par la synchronisation ; les produits et les signataires de confiance reviennent.</translation>
        </message>
        <message>
            <source>Nothing is waiting for an authority.</source>
            <translation>Rien n’attend une autorité.</translation>
        </message>
        <message>
            <source>No review sent work back.</source>
            <translation>Aucune revue n’a renvoyé de travail.</translation>
        </message>
        <message>
            <source>CONFLICT %1 (laptop's reference %2, from %3, %4): changed on two machines; the laptop's version is kept beside it, not merged</source>
            <translation>CONFLIT %1 (référence du portable %2, de %3, %4) : modifiée sur deux machines ; la version du portable est conservée à côté, sans fusion</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Synchronisation</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Verify a report</source>
            <translation>Vérifier un rapport</translation>
        </message>
        <message>
            <source>the signed PDF</source>
            <translation>le PDF signé</translation>
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation>&amp;Choisir…</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Rapport</translation>
        </message>
        <message>
            <source>optional: the signer's certificate; default: your own identity</source>
            <translation>facultatif : le certificat du signataire ; par défaut : votre propre identité</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>C&amp;hoisir…</translation>
        </message>
        <message>
            <source>Trusted certificate</source>
            <translation>Certificat de confiance</translation>
        </message>
        <message>
            <source>&amp;Verify</source>
            <translation>&amp;Vérifier</translation>
        </message>
        <message>
            <source>Details of the verification</source>
            <translation>Détails de la vérification</translation>
        </message>
        <message>
            <source>Choose a report</source>
            <translation>Choisir un rapport</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Choose a certificate</source>
            <translation>Choisir un certificat</translation>
        </message>
        <message>
            <source>Certificates (*.crt *.pem *.cer *.der)</source>
            <translation>Certificats (*.crt *.pem *.cer *.der)</translation>
        </message>
        <message>
            <source>Choose a PDF first.</source>
            <translation>Choisissez d'abord un PDF.</translation>
        </message>
        <message>
            <source>Cannot read the file</source>
            <translation>Impossible de lire le fichier</translation>
        </message>
        <message>
            <source>Intact, trusted certificate (SHA-256 %1)</source>
            <translation>Intact, certificat de confiance (SHA-256 %1)</translation>
        </message>
        <message>
            <source>Intact but NOT TRUSTED: nothing vouches for this certificate. Compare its SHA-256 %1 with the one the signer gave you.</source>
            <translation>Intact mais PAS DE CONFIANCE : rien ne garantit ce certificat. Comparez son SHA-256 %1 avec celui que le signataire vous a donné.</translation>
        </message>
        <message>
            <source>ALTERED: do not rely on this file</source>
            <translation>MODIFIÉ : ne vous fiez pas à ce fichier</translation>
        </message>
        <message>
            <source>Not signed</source>
            <translation>Non signé</translation>
        </message>
    </context>
    <context>
        <name>WizardView</name>
        <message>
            <source>Back to the list of assessments (everything is saved)</source>
            <translation>Retour à la liste des évaluations (tout est enregistré)</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>R&amp;etour</translation>
        </message>
        <message>
            <source>&amp;Next</source>
            <translation>&amp;Suivant</translation>
        </message>
        <message>
            <source>Save a &amp;draft PDF</source>
            <translation>Enregistrer un PDF &amp;provisoire</translation>
        </message>
        <message>
            <source>&amp;Finish and create the report</source>
            <translation>&amp;Terminer et créer le rapport</translation>
        </message>
        <message>
            <source>Not saved: %s</source>
            <translation>Non enregistré : %s</translation>
        </message>
        <message>
            <source>All answers saved</source>
            <translation>Toutes les réponses sont enregistrées</translation>
        </message>
        <message>
            <source>This assessment is finished; it is shown read-only.</source>
            <translation>Cette évaluation est terminée ; elle est affichée en lecture seule.</translation>
        </message>
        <message>
            <source>Check your answers</source>
            <translation>Vérifiez vos réponses</translation>
        </message>
        <message>
            <source>Every answer is listed with the question it answers. Use “Change” next to an answer to correct it; you come back to this summary afterwards. Questions marked “Not answered” must be answered before the assessment can be finished.</source>
            <translation>Chaque réponse figure à côté de la question à laquelle elle répond. Utilisez « Modifier » à côté d'une réponse pour la corriger ; vous revenez ensuite à ce récapitulatif. Les questions marquées « Sans réponse » doivent être répondues avant de pouvoir terminer l'évaluation.</translation>
        </message>
        <message>
            <source>Read your answers once more. Use “Change” to correct one; you come back here afterwards.</source>
            <translation>Relisez vos réponses. Utilisez « Modifier » pour en corriger une ; vous revenez ensuite ici.</translation>
        </message>
        <message>
            <source>How the outcome is reached</source>
            <translation>Comment le résultat est obtenu</translation>
        </message>
        <message>
            <source>The outcome follows from the rules of this questionnaire version, applied in a fixed order: the first that applies wins. “Reasoning” lists each step with its legal source; the PDF report carries the same trace. While questions are unanswered the outcome is provisional and the assessment cannot be finished.</source>
            <translation>Le résultat découle des règles de cette version du questionnaire, appliquées dans un ordre fixe : la première qui s'applique l'emporte. « Raisonnement » indique chaque étape avec sa source juridique ; le rapport PDF contient le même cheminement. Tant que des questions sont sans réponse, le résultat est provisoire et l'évaluation ne peut pas être terminée.</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>En cours</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Non commencée</translation>
        </message>
        <message>
            <source>Removed invisible or control characters: %s</source>
            <translation>Caractères invisibles ou de contrôle supprimés : %s</translation>
        </message>
        <message numerus="yes">
            <source>Saved without %n invisible or control character(s)</source>
            <translation>
                <numerusform>Enregistré sans %n caractère invisible ou de contrôle</numerusform>
                <numerusform>Enregistré sans %n caractères invisibles ou de contrôle</numerusform>
            </translation>
        </message>
        <message>
            <source>Not saved: check the answer marked in red</source>
            <translation>Non enregistré : vérifiez la réponse marquée en rouge</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <source>Sections of the assessment</source>
            <translation>Sections de l'évaluation</translation>
        </message>
        <message>
            <source>Help for the focused question</source>
            <translation>Aide pour la question active</translation>
        </message>
        <message>
            <source>Re&amp;gister</source>
            <translation>Re&amp;gistre</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progression</translation>
        </message>
        <message>
            <source>Enter, Alt+Right or Ctrl+Enter</source>
            <translation>Entrée, Alt+Droite ou Ctrl+Entrée</translation>
        </message>
        <message>
            <source>Alt+Left</source>
            <translation>Alt+Gauche</translation>
        </message>
        <message>
            <source>Your answers</source>
            <translation>Vos réponses</translation>
        </message>
        <message>
            <source>%1 of %2 sections done</source>
            <translation>%1 sections sur %2 terminées</translation>
        </message>
        <message>
            <source>Return to the summary</source>
            <translation>Revenir au résumé</translation>
        </message>
        <message>
            <source>Continue to the outcome</source>
            <translation>Suite : le résultat</translation>
        </message>
        <message>
            <source>Not saved yet: the entry is not complete</source>
            <translation>Pas encore enregistré : l'entrée est incomplète</translation>
        </message>
        <message>
            <source>Saved at %s</source>
            <translation>Enregistré à %s</translation>
        </message>
        <message>
            <source>this guidance rests on a source that has not yet been checked against the Official Journal.</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>ces indications reposent sur une source qui n'a pas encore été vérifiée au regard du Journal officiel.</translation>
        </message>
        <message>
            <source>Legal sources</source>
            <translation>Sources juridiques</translation>
        </message>
        <message>
            <source>Not yet checked:</source>
            <translation>Pas encore vérifié :</translation>
        </message>
        <message>
            <source>not yet checked against the Official Journal</source>
            <translation>pas encore vérifié au Journal officiel</translation>
        </message>
        <message>
            <source>secondary source</source>
            <translation>source secondaire</translation>
        </message>
        <message>
            <source>Not answered</source>
            <translation>Sans réponse</translation>
        </message>
        <message>
            <source>Not given (optional)</source>
            <translation>Non indiqué (facultatif)</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Modifier</translation>
        </message>
        <message>
            <source>Provisional:</source>
            <translation>Provisoire :</translation>
        </message>
        <message numerus="yes">
            <source>%n question(s) are still unanswered; the outcome may change.</source>
            <translation>
                <numerusform>%n question est encore sans réponse ; le résultat peut changer.</numerusform>
                <numerusform>%n questions sont encore sans réponse ; le résultat peut changer.</numerusform>
            </translation>
        </message>
        <message>
            <source>If the item is on the list(s) you were unsure about:</source>
            <translation>Si le bien figure sur la ou les listes dont vous n’étiez pas sûr :</translation>
        </message>
        <message>
            <source>If it is not:</source>
            <translation>Sinon :</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>Étapes suivantes</translation>
        </message>
        <message>
            <source>Reasoning</source>
            <translation>Raisonnement</translation>
        </message>
        <message>
            <source>Open questions: ask the competent authority</source>
            <translatorcomment>to verify: legal term as rendered in the Official Journal's version of Reg. (EU) 2021/821</translatorcomment>
            <translation>Questions ouvertes : à poser à l'autorité compétente</translation>
        </message>
        <message>
            <source>Still unanswered</source>
            <translation>Encore sans réponse</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Avertissements</translation>
        </message>
        <message>
            <source>This assessment is finished.</source>
            <translation>Cette évaluation est terminée.</translation>
        </message>
        <message>
            <source>Answer every question before finishing (see “Still unanswered”).</source>
            <translation>Répondez à chaque question avant de terminer (voir « Encore sans réponse »).</translation>
        </message>
        <message>
            <source>Finishing stores the outcome and writes the PDF report.</source>
            <translation>Terminer enregistre le résultat et écrit le rapport PDF.</translation>
        </message>
        <message>
            <source>Not written: %s</source>
            <translation>Non écrit : %s</translation>
        </message>
        <message>
            <source>Writing and signing the report %1…</source>
            <translation>Écriture et signature du rapport %1…</translation>
        </message>
        <message>
            <source>Writing the report %1…</source>
            <translation>Écriture du rapport %1…</translation>
        </message>
        <message>
            <source>Report written: %s</source>
            <translation>Rapport écrit : %s</translation>
        </message>
        <message>
            <source>Not finished: the report cannot be written. %s</source>
            <translation>Non terminé : le rapport ne peut pas être écrit. %s</translation>
        </message>
        <message>
            <source>Finished. Report: %s</source>
            <translation>Terminé. Rapport : %s</translation>
        </message>
        <message>
            <source>Draft &amp;notification…</source>
            <translation>Projet de &amp;notification…</translation>
        </message>
        <message>
            <source>End-&amp;user statement…</source>
            <translation>Déclaration d'&amp;utilisateur final…</translation>
        </message>
        <message>
            <source>&amp;Sign the report…</source>
            <translation>&amp;Signer le rapport…</translation>
        </message>
        <message>
            <source>The report is NOT signed: %1</source>
            <translation>Le rapport n'est PAS signé : %1</translation>
        </message>
        <message>
            <source>Report written unsigned: %1</source>
            <translation>Rapport écrit sans signature : %1</translation>
        </message>
        <message>
            <source>Finished. The report is NOT signed (no signing identity yet; use “Sign the report…” to create one): %1</source>
            <translation>Terminé. Le rapport n'est PAS signé (pas encore d'identité de signature ; utilisez « Signer le rapport… » pour en créer une) : %1</translation>
        </message>
        <message>
            <source>The report is NOT signed (no signing identity): %1</source>
            <translation>Le rapport n'est PAS signé (pas d'identité de signature) : %1</translation>
        </message>
        <message>
            <source>Passphrase of your signing identity, to sign the report:</source>
            <translation>Phrase secrète de votre identité de signature, pour signer le rapport :</translation>
        </message>
        <message>
            <source>Finished. The report is NOT signed (cancelled): %1</source>
            <translation>Terminé. Le rapport n'est PAS signé (annulé) : %1</translation>
        </message>
        <message>
            <source>The report could not be signed: %1</source>
            <translation>Le rapport n'a pas pu être signé : %1</translation>
        </message>
        <message>
            <source>Signed report: %1 (the register could not record the signature: %2)</source>
            <translation>Rapport signé : %1 (le registre n'a pas pu enregistrer la signature : %2)</translation>
        </message>
        <message>
            <source>Finished. Signed report: %1</source>
            <translation>Terminé. Rapport signé : %1</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Art5 Assessor is already open with the data folder %1. Switch to that window, or close it and start again. Nothing was changed.</source>
            <translation>Art5 Assessor est déjà ouvert avec le dossier de données %1. Passez à cette fenêtre, ou fermez-la et recommencez. Rien n'a été modifié.</translation>
        </message>
        <message>
            <source>Art5 Assessor</source>
            <translation>Art5 Assessor</translation>
        </message>
        <message>
            <source>Held by: %1</source>
            <translation>Détenu par : %1</translation>
        </message>
    </context>
</TS>
