<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdjudicationWindow</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/adjudication_window.py" line="+215"/>
        <source>Article {id} „{title}“ · %n agreed span(s) in gold</source>
        <translation>
            <numerusform>Article {id} „{title}“ · %n agreed span in gold</numerusform>
            <numerusform>Article {id} „{title}“ · %n agreed spans in gold</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementWindow</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/agreement_window.py" line="+156"/>
        <source>%n article(s) compared; nobody annotated spans in them</source>
        <translation>
            <numerusform>%n article compared; nobody annotated spans in it</numerusform>
            <numerusform>%n articles compared; nobody annotated spans in them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>{annotators} · %n article(s) compared · layer {layer} · heatmap: {figure} · articles by {sort}, worst first · versions {versions}</source>
        <translation>
            <numerusform>{annotators} · %n article compared · layer {layer} · heatmap: {figure} · articles by {sort}, worst first · versions {versions}</numerusform>
            <numerusform>{annotators} · %n articles compared · layer {layer} · heatmap: {figure} · articles by {sort}, worst first · versions {versions}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisputesView</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/disputes_view.py" line="+280"/>
        <source>%n claim(s) · </source>
        <translation>
            <numerusform>%n claim · </numerusform>
            <numerusform>%n claims · </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/main_window.py" line="+380"/>
        <source>%n open suggestion(s) in this article · </source>
        <translation>
            <numerusform>%n open suggestion in this article · </numerusform>
            <numerusform>%n open suggestions in this article · </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewWindow</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/overview_window.py" line="+122"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n annotator(s)</source>
        <translation>
            <numerusform>%n annotator</numerusform>
            <numerusform>%n annotators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/review_actions.py" line="+118"/>
        <source>Article {id}: %n open suggestion(s)</source>
        <translation>
            <numerusform>Article {id}: %n open suggestion</numerusform>
            <numerusform>Article {id}: %n open suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Article {id} stays open: %n open suggestion(s)</source>
        <translation>
            <numerusform>Article {id} stays open: %n open suggestion</numerusform>
            <numerusform>Article {id} stays open: %n open suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Article {id} has %n open suggestion(s): A accepts, X rejects the rest and marks it done; Esc leaves it open</source>
        <translation>
            <numerusform>Article {id} has %n open suggestion: A accepts, X rejects the rest and marks it done; Esc leaves it open</numerusform>
            <numerusform>Article {id} has %n open suggestions: A accepts, X rejects the rest and marks it done; Esc leaves it open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source> (%n suggestion(s) accepted)</source>
        <translation>
            <numerusform> (%n suggestion accepted)</numerusform>
            <numerusform> (%n suggestions accepted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> (%n suggestion(s) rejected)</source>
        <translation>
            <numerusform> (%n suggestion rejected)</numerusform>
            <numerusform> (%n suggestions rejected)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/side_panel.py" line="+64"/>
        <source> (%n claim(s))</source>
        <translation>
            <numerusform> (%n claim)</numerusform>
            <numerusform> (%n claims)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/workbench.py" line="+217"/>
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
</context>
</TS>
