"""German demo content for the example site of wagtail-integration.

This module holds plain data only: the home page, the integration concept,
its two phases, the six working groups of the second phase, the measures and
the milestones. A management command of the example site reads these
constants and builds the page tree from them.

All texts are fictional demo texts written in simple German. They are shaped
after the facts in ``reference/integration-concept-facts.md`` but name no real
people; contacts are roles and all email addresses use ``example.org``.

Value formats:

* ``str_html`` values use only ``<p>``, ``<strong>``, ``<em>``, ``<ul>`` and
  ``<li>`` and contain no links.
* ``body`` values are lists of ``(block_type, value)`` tuples with the block
  types ``"heading"`` (plain text) and ``"paragraph"`` (``str_html``).
* ``pdf_lines`` are plain ASCII lines for a small generated demo PDF.
"""

import datetime

# ---------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------

HOME = {
    "title": "Stadtportal",
    "intro": (
        "<p>Willkommen im Stadtportal! Hier finden Sie Informationen aus dem "
        "Rathaus und über das Leben in unserer Stadt.</p>"
        "<p>Neu auf dieser Seite: unser <strong>Integrationskonzept</strong>. "
        "Es zeigt, wie Menschen aus aller Welt bei uns gut ankommen und "
        "mitmachen können. Lesen Sie, was wir schon geschafft haben und was "
        "wir noch planen. Ihre Ideen sind uns dabei wichtig.</p>"
    ),
}

# ---------------------------------------------------------------------------
# The integration concept
# ---------------------------------------------------------------------------

CONCEPT = {
    "slug": "integrationskonzept",
    "title": "Integrationskonzept",
    "intro": (
        "<p>Unsere Stadt ist für alle Menschen da – egal, woher sie kommen. "
        "Das Integrationskonzept ist unser Plan für viele Jahre. Darin steht, "
        "wie wir Zugewanderte unterstützen und wie wir gut zusammenleben.</p>"
        "<p>Das Konzept hat zwei Phasen. In jeder Phase gibt es konkrete "
        "Maßnahmen. Auf diesen Seiten sehen Sie, wer daran arbeitet und wie "
        "weit die Arbeit ist.</p>"
    ),
    "body": [
        ("heading", "Wer steht hinter dem Konzept?"),
        (
            "paragraph",
            "<p>Der Stadtrat hat das Konzept beschlossen. Der "
            "<strong>Beirat für Migration und Integration</strong> hat es von "
            "Anfang an mitgestaltet. Der Beirat vertritt die Interessen der "
            "Migrantinnen und Migranten in unserer Stadt.</p>",
        ),
        ("heading", "Machen Sie mit!"),
        (
            "paragraph",
            "<p>Haben Sie Wünsche oder Ideen für das Integrationskonzept? "
            "Schreiben Sie uns über das Formular <em>„Ihre Anregungen“</em>. "
            "Ihre Nachricht geht an den Vorsitz des Beirats. Vielen Dank für "
            "Ihre Hilfe!</p>",
        ),
    ],
    "download": {
        "title": "Integrationskonzept – Zweite Phase",
        "description": (
            "Eine kurze Zusammenfassung der zweiten Phase mit den "
            "Arbeitsgruppen und den bisherigen Maßnahmen (PDF)."
        ),
        "pdf_lines": [
            "Integrationskonzept - Zweite Phase",
            "Beirat fuer Migration und Integration",
            "Start der zweiten Phase: 19. November 2015",
            "Sechs Arbeitsgruppen setzen Massnahmen um.",
            "Ziel: Alle Menschen nehmen gleichberechtigt am Leben der Stadt teil.",
            "Dieses Dokument ist ein Beispiel fuer die Demo-Seite.",
            "Ideen und Anregungen sind jederzeit willkommen.",
        ],
    },
}

# ---------------------------------------------------------------------------
# Phases, working groups and measures
# ---------------------------------------------------------------------------

PHASES = [
    # -----------------------------------------------------------------------
    # Phase 1
    # -----------------------------------------------------------------------
    {
        "slug": "phase-1",
        "title": "Phase 1 (2011–2014)",
        "number": 1,
        "status": "completed",
        "start_date": datetime.date(2011, 12, 13),
        "end_date": datetime.date(2014, 12, 31),
        "summary": (
            "In der ersten Phase hat die Stadt ihr erstes Integrationskonzept "
            "beschlossen und umgesetzt. Im Jahr 2014 wurden alle Maßnahmen "
            "ausgewertet."
        ),
        "body": [
            ("heading", "Der Anfang"),
            (
                "paragraph",
                "<p>Am 13. Dezember 2011 hat der Stadtrat das erste "
                "Integrationskonzept beschlossen. Der Beirat für Migration und "
                "Integration hat dabei eine wichtige Rolle gespielt. Viele "
                "Ideen im Konzept kommen vom Beirat.</p>",
            ),
            ("heading", "Die Auswertung"),
            (
                "paragraph",
                "<p>Im Jahr 2014 hat die Stadt genau hingeschaut: Was hat gut "
                "geklappt? Was muss besser werden? Die Ergebnisse dieser "
                "Auswertung sind die Grundlage für die zweite Phase.</p>",
            ),
        ],
        "milestones": [
            {
                "date": datetime.date(2011, 12, 13),
                "kind": "council_resolution",
                "title": "Stadtrat beschließt das erste Integrationskonzept",
                "place": "Rathaus, Sitzungssaal",
            },
            {
                "date": datetime.date(2014, 10, 1),
                "kind": "evaluation",
                "title": "Auswertung der Maßnahmen der ersten Phase",
                "place": "",
            },
        ],
        "working_groups": [],
        "measures": [
            {
                "slug": "wegweiser-fuer-neu-zugewanderte",
                "title": "Wegweiser für neu Zugewanderte",
                "summary": (
                    "Ein kleines Heft erklärt die wichtigsten Ämter und "
                    "Beratungsstellen. Es gibt das Heft in mehreren Sprachen."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>Wer neu in der Stadt ist, hat viele Fragen. Wo "
                        "melde ich mich an? Wo finde ich Hilfe? Der Wegweiser "
                        "gibt einfache Antworten.</p>"
                        "<p>Das Heft liegt im Bürgeramt und in den "
                        "Beratungsstellen aus.</p>",
                    )
                ],
                "status": "implemented",
                "progress": 100,
                "start_date": datetime.date(2012, 3, 1),
                "end_date": datetime.date(2012, 11, 30),
                "responsible_body": "Büro für Integration",
                "decision_body": "",
                "decision_date": None,
                "decision_reference": "",
                "decision_url": "",
            },
            {
                "slug": "interkulturelle-schulungen-fuer-die-verwaltung",
                "title": "Interkulturelle Schulungen für die Verwaltung",
                "summary": (
                    "Beschäftigte der Stadtverwaltung haben an Schulungen "
                    "teilgenommen. Dort ging es um andere Kulturen und um "
                    "einfache Sprache."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>In den Schulungen haben die Beschäftigten geübt, "
                        "Dinge einfach zu erklären. Sie haben auch gelernt, "
                        "wie Missverständnisse entstehen und wie man sie "
                        "vermeidet.</p>",
                    )
                ],
                "status": "implemented",
                "progress": 100,
                "start_date": datetime.date(2012, 9, 1),
                "end_date": datetime.date(2014, 6, 30),
                "responsible_body": "Personal- und Organisationsamt",
                "decision_body": "Ausschuss für Soziales",
                "decision_date": datetime.date(2012, 5, 8),
                "decision_reference": "Vorlage 045/2012",
                "decision_url": "https://ratsinfo.example.org/vorlage/045-2012",
            },
            {
                "slug": "sprechstunde-im-rathaus",
                "title": "Offene Sprechstunde im Rathaus",
                "summary": (
                    "Einmal im Monat gab es eine offene Sprechstunde für "
                    "Migrantinnen und Migranten. Heute gibt es dafür andere "
                    "Beratungsangebote."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>In der Sprechstunde konnten alle ohne Termin "
                        "Fragen stellen. Nur wenige Menschen sind gekommen. "
                        "Darum hat die Stadt die Sprechstunde beendet. Die "
                        "Beratung findet jetzt in den Stadtteilen statt.</p>",
                    )
                ],
                "status": "discontinued",
                "progress": None,
                "start_date": datetime.date(2013, 1, 15),
                "end_date": datetime.date(2014, 6, 30),
                "responsible_body": "Beirat für Migration und Integration",
                "decision_body": "",
                "decision_date": None,
                "decision_reference": "",
                "decision_url": "",
            },
        ],
    },
    # -----------------------------------------------------------------------
    # Phase 2
    # -----------------------------------------------------------------------
    {
        "slug": "phase-2",
        "title": "Phase 2 (seit 2015)",
        "number": 2,
        "status": "in_implementation",
        "start_date": datetime.date(2015, 11, 19),
        "end_date": None,
        "summary": (
            "Die zweite Phase hat im November 2015 mit einem Workshop "
            "begonnen. Seitdem setzen sechs Arbeitsgruppen neue Maßnahmen um."
        ),
        "body": [
            ("heading", "Die Lage im Jahr 2015"),
            (
                "paragraph",
                "<p>Im Jahr 2015 kamen in sehr kurzer Zeit etwa 1.000 "
                "geflüchtete Menschen in unsere Stadt. Ämter der Stadt und "
                "freie Träger haben eng und gut geplant zusammengearbeitet. "
                "Auch viele Bürgerinnen und Bürger haben geholfen. So konnten "
                "die Menschen gut aufgenommen werden.</p>",
            ),
            ("heading", "Die Ziele der zweiten Phase"),
            (
                "paragraph",
                "<p>Die Lage hat sich verändert. Darum hat das Konzept neue "
                "Ziele:</p>"
                "<ul>"
                "<li>Es soll keine Spannungen geben zwischen neu "
                "zugewanderten Menschen und Menschen, die schon länger in "
                "Deutschland leben.</li>"
                "<li>Die Maßnahmen passen zur neuen Lage.</li>"
                "<li>Alle Gruppen von Migrantinnen und Migranten können "
                "gleichberechtigt am öffentlichen Leben teilnehmen.</li>"
                "</ul>",
            ),
            ("heading", "Der Auftakt"),
            (
                "paragraph",
                "<p>Am 19. November 2015 gab es einen Auftakt-Workshop in der "
                "Handwerkskammer. Die Teilnehmenden haben besprochen, wo wir "
                "stehen. Dann haben sie die nächsten Schritte geplant. "
                "Seitdem arbeiten Fachleute aus der Region in "
                "<strong>sechs Arbeitsgruppen</strong> zusammen.</p>",
            ),
        ],
        "milestones": [
            {
                "date": datetime.date(2015, 11, 19),
                "kind": "workshop",
                "title": "Auftakt-Workshop zur zweiten Phase",
                "place": "Handwerkskammer",
            },
            {
                "date": datetime.date(2015, 12, 10),
                "kind": "council_resolution",
                "title": (
                    "Stadtrat beschließt: Stellenanzeigen ermutigen Menschen "
                    "mit Migrationsgeschichte zur Bewerbung"
                ),
                "place": "Rathaus, Sitzungssaal",
            },
            {
                "date": datetime.date(2016, 3, 16),
                "kind": "other",
                "title": "Erstes gemeinsames Treffen aller sechs Arbeitsgruppen",
                "place": "Rathaus, Großer Saal",
            },
            {
                "date": datetime.date(2017, 3, 1),
                "kind": "publication",
                "title": "Veröffentlichung „Integrationskonzept – Zweite Phase“",
                "place": "",
            },
        ],
        "working_groups": [
            # ---------------------------------------------------------------
            # 1. Arbeit und Ausbildung
            # ---------------------------------------------------------------
            {
                "slug": "arbeit-und-ausbildung",
                "title": "Arbeit und Ausbildung",
                "goal": (
                    "Wer Arbeit hat, kommt auch in der Gesellschaft besser an. "
                    "Auf lange Sicht sollen weniger Menschen mit "
                    "Migrationsgeschichte Arbeit suchen müssen."
                ),
                "description": (
                    "<p>Die Arbeitsgruppe bringt Betriebe, Beratungsstellen "
                    "und Zugewanderte zusammen. Sie hilft beim Weg in eine "
                    "Ausbildung oder in eine Arbeit. Dabei geht es auch um "
                    "Berufsabschlüsse aus dem Ausland.</p>"
                ),
                "lead": "Amt für Wirtschaftsförderung",
                "contact_name": "Geschäftsstelle der Arbeitsgruppe Arbeit und Ausbildung",
                "contact_email": "arbeit-ausbildung@example.org",
                "show_contact_email": True,
                "members": [
                    {"name": "Agentur für Arbeit", "url": ""},
                    {"name": "Jobcenter", "url": ""},
                    {"name": "Handwerkskammer", "url": ""},
                    {"name": "Industrie- und Handelskammer", "url": ""},
                ],
                "measures": [
                    {
                        "slug": "ausbildungspatenschaften",
                        "title": "Ausbildungspatenschaften",
                        "summary": (
                            "Ehrenamtliche Patinnen und Paten begleiten junge "
                            "Zugewanderte durch die Ausbildung."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Eine Patin oder ein Pate trifft sich "
                                "regelmäßig mit einer Auszubildenden oder "
                                "einem Auszubildenden. Sie lernen zusammen für "
                                "die Berufsschule und lösen Probleme im "
                                "Alltag.</p>"
                                "<p>Bis jetzt gibt es 30 Patenschaften. Das "
                                "Ziel sind 50 Patenschaften.</p>",
                            )
                        ],
                        "status": "in_progress",
                        "progress": 60,
                        "start_date": datetime.date(2016, 9, 1),
                        "end_date": None,
                        "responsible_body": "Handwerkskammer",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                    {
                        "slug": "beratung-zur-anerkennung-von-berufsabschluessen",
                        "title": "Beratung zur Anerkennung von Berufsabschlüssen",
                        "summary": (
                            "Eine Beratungsstelle hilft, wenn Menschen ihren "
                            "Berufsabschluss aus dem Ausland anerkennen lassen "
                            "möchten."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Viele Zugewanderte haben einen Beruf "
                                "gelernt. Oft wissen sie nicht, wie die "
                                "Anerkennung in Deutschland funktioniert. Die "
                                "Beratung erklärt die Schritte und hilft bei "
                                "den Unterlagen. Die Beratung ist kostenlos.</p>",
                            )
                        ],
                        "status": "in_progress",
                        "progress": None,
                        "start_date": datetime.date(2016, 4, 1),
                        "end_date": None,
                        "responsible_body": "Agentur für Arbeit",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                    {
                        "slug": "praktikumsboerse-im-handwerk",
                        "title": "Praktikumsbörse im Handwerk",
                        "summary": (
                            "Eine Börse soll Praktikumsplätze in "
                            "Handwerksbetrieben vermitteln. So können junge "
                            "Menschen verschiedene Berufe ausprobieren."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Betriebe melden freie Praktikumsplätze. "
                                "Junge Menschen können sich dann einfach "
                                "melden. Die Börse soll bald "
                                "starten.</p>",
                            )
                        ],
                        "status": "planned",
                        "progress": None,
                        "start_date": datetime.date(2027, 9, 1),
                        "end_date": None,
                        "responsible_body": "Handwerkskammer",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                ],
            },
            # ---------------------------------------------------------------
            # 2. Gesundheit und Pflege
            # ---------------------------------------------------------------
            {
                "slug": "gesundheit-und-pflege",
                "title": "Gesundheit und Pflege",
                "goal": (
                    "Sprache und Kultur sollen kein Hindernis sein, wenn "
                    "Menschen Hilfe bei Gesundheit oder Pflege brauchen."
                ),
                "description": (
                    "<p>Beim Arzt oder im Krankenhaus ist gute Verständigung "
                    "besonders wichtig. Die Arbeitsgruppe sorgt dafür, dass "
                    "Zugewanderte die Angebote kennen und verstehen. Sie "
                    "arbeitet mit Praxen, Pflegediensten und "
                    "Beratungsstellen zusammen.</p>"
                ),
                "lead": "Gesundheitsamt",
                "contact_name": "Koordinationsstelle im Gesundheitsamt",
                "contact_email": "gesundheit-pflege@example.org",
                "show_contact_email": False,
                "members": [
                    {"name": "Gesundheitsamt", "url": ""},
                    {"name": "Caritasverband", "url": ""},
                    {"name": "Diakonisches Werk", "url": ""},
                    {"name": "Pflegestützpunkt", "url": ""},
                ],
                "measures": [
                    {
                        "slug": "mehrsprachiger-gesundheitswegweiser",
                        "title": "Mehrsprachiger Gesundheitswegweiser",
                        "summary": (
                            "Ein Faltblatt in sechs Sprachen erklärt, wo man "
                            "bei Krankheit Hilfe bekommt."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Das Faltblatt erklärt: Wann gehe ich zur "
                                "Hausärztin oder zum Hausarzt? Was ist ein "
                                "Notfall? Welche Nummer rufe ich an? Es liegt "
                                "in Arztpraxen, Apotheken und Beratungsstellen "
                                "aus.</p>",
                            )
                        ],
                        "status": "implemented",
                        "progress": 100,
                        "start_date": datetime.date(2016, 2, 1),
                        "end_date": datetime.date(2016, 10, 31),
                        "responsible_body": "Gesundheitsamt",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                    {
                        "slug": "dolmetscherpool-fuer-arzttermine",
                        "title": "Dolmetscherpool für Arzt- und Pflegetermine",
                        "summary": (
                            "Geschulte Ehrenamtliche könnten bei Arzt- und "
                            "Pflegeterminen übersetzen. Die Arbeitsgruppe "
                            "hat diese Idee vorgeschlagen."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Bei Terminen mit Ärztinnen, Ärzten oder "
                                "Pflegekräften fehlen oft die richtigen Worte. "
                                "Ein Pool mit Sprachmittlerinnen und "
                                "Sprachmittlern könnte helfen. Jetzt wird "
                                "geprüft, wie das bezahlt werden kann.</p>",
                            )
                        ],
                        "status": "proposed",
                        "progress": None,
                        "start_date": None,
                        "end_date": None,
                        "responsible_body": "Gesundheitsamt",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                ],
            },
            # ---------------------------------------------------------------
            # 3. Schule, Bildung, Sprache
            # ---------------------------------------------------------------
            {
                "slug": "schule-bildung-sprache",
                "title": "Schule, Bildung, Sprache",
                "goal": (
                    "Schülerinnen und Schüler jeden Alters sollen gut lernen "
                    "können, auch wenn sie unterschiedlich gut Deutsch "
                    "sprechen. Die Arbeitsgruppe baut dabei auf den "
                    "Alphabetisierungsklassen auf."
                ),
                "description": (
                    "<p>Sprache ist der Schlüssel für Schule und Beruf. Die "
                    "Arbeitsgruppe unterstützt Kinder und Jugendliche beim "
                    "Deutschlernen. Sie bezieht auch die Eltern mit ein. "
                    "Grundlage sind die Alphabetisierungsklassen, die es an "
                    "den Schulen schon gibt.</p>"
                ),
                "lead": "Amt für Schulen und Sport",
                "contact_name": "Koordinationsstelle Sprachförderung",
                "contact_email": "schule-bildung@example.org",
                "show_contact_email": True,
                "members": [
                    {"name": "Schulamt", "url": ""},
                    {"name": "Volkshochschule", "url": ""},
                    {"name": "Stadtbibliothek", "url": ""},
                    {"name": "Elternbeirat der Grundschulen", "url": ""},
                    {"name": "Jugendmigrationsdienst", "url": ""},
                ],
                "measures": [
                    {
                        "slug": "alphabetisierungsklassen-an-schulen",
                        "title": "Alphabetisierungsklassen an Schulen",
                        "summary": (
                            "In besonderen Klassen lernen Kinder und "
                            "Jugendliche Lesen und Schreiben in lateinischer "
                            "Schrift. Danach wechseln sie in eine normale "
                            "Klasse."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Manche Kinder waren noch nie in der "
                                "Schule. Andere haben eine andere Schrift "
                                "gelernt. In den Alphabetisierungsklassen lernen sie in "
                                "kleinen Gruppen Lesen und Schreiben. Die "
                                "Klassen gab es schon vor der zweiten Phase. "
                                "Heute gibt es sie an mehreren Schulen der "
                                "Stadt.</p>",
                            )
                        ],
                        "status": "implemented",
                        "progress": None,
                        "start_date": None,
                        "end_date": None,
                        "responsible_body": "Schulamt",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                    {
                        "slug": "lernpatenschaften-und-hausaufgabenhilfe",
                        "title": "Lernpatenschaften und Hausaufgabenhilfe",
                        "summary": (
                            "Ehrenamtliche helfen Schulkindern nach dem "
                            "Unterricht bei den Hausaufgaben."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Die Hausaufgabenhilfe findet in der "
                                "Stadtbibliothek und in Stadtteiltreffs "
                                "statt. Bis jetzt machen 6 von 10 geplanten "
                                "Standorten mit.</p>",
                            )
                        ],
                        "status": "in_progress",
                        "progress": 60,
                        "start_date": datetime.date(2016, 10, 1),
                        "end_date": None,
                        "responsible_body": "Stadtbibliothek",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                    {
                        "slug": "elterncafe-an-grundschulen",
                        "title": "Elterncafé an Grundschulen",
                        "summary": (
                            "Eltern sollen sich in der Schule treffen und "
                            "Fragen zum Schulalltag stellen können."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Im Elterncafé trinken Eltern zusammen "
                                "Kaffee oder Tee. Lehrkräfte erklären, wie die "
                                "Schule funktioniert. Das Angebot soll an zwei "
                                "Grundschulen beginnen.</p>",
                            )
                        ],
                        "status": "planned",
                        "progress": None,
                        "start_date": datetime.date(2027, 2, 1),
                        "end_date": datetime.date(2027, 12, 17),
                        "responsible_body": "Amt für Schulen und Sport",
                        "decision_body": "Schulträgerausschuss",
                        "decision_date": datetime.date(2026, 9, 22),
                        "decision_reference": "Vorlage 311/2026",
                        "decision_url": "",
                    },
                ],
            },
            # ---------------------------------------------------------------
            # 4. Verwaltung
            # ---------------------------------------------------------------
            {
                "slug": "verwaltung",
                "title": "Verwaltung",
                "goal": (
                    "Die Verwaltung soll die Bedürfnisse von Migrantinnen und "
                    "Migranten besser kennen. Sprachliche und kulturelle "
                    "Hürden sollen kleiner werden – für Menschen mit einem "
                    "Anliegen und für Bewerberinnen und Bewerber um eine "
                    "Ausbildung."
                ),
                "description": (
                    "<p>Die Stadtverwaltung ist für alle Einwohnerinnen und "
                    "Einwohner da. Die Arbeitsgruppe macht den Zugang zu den "
                    "Ämtern leichter. Außerdem sollen mehr Menschen mit "
                    "Migrationsgeschichte in der Verwaltung arbeiten und dort "
                    "eine Ausbildung machen.</p>"
                ),
                "lead": "Personal- und Organisationsamt",
                "contact_name": "Büro für Integration",
                "contact_email": "verwaltung@example.org",
                "show_contact_email": True,
                "members": [
                    {"name": "Personal- und Organisationsamt", "url": ""},
                    {"name": "Bürgeramt", "url": ""},
                    {"name": "Ausländerbehörde", "url": ""},
                    {"name": "Beirat für Migration und Integration", "url": ""},
                ],
                "measures": [
                    {
                        "slug": "stellenanzeigen-ermutigen-zur-bewerbung",
                        "title": (
                            "Stellenanzeigen ermutigen Menschen mit "
                            "Migrationsgeschichte zur Bewerbung"
                        ),
                        "summary": (
                            "Jede Stellenanzeige der Stadt enthält einen Satz, "
                            "der Menschen mit Migrationsgeschichte ausdrücklich "
                            "zur Bewerbung einlädt."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Der Beirat für Migration und Integration "
                                "hat das beantragt. Er hat sich dabei auf das "
                                "Integrationskonzept bezogen. Der Stadtrat hat "
                                "am 10. Dezember 2015 zugestimmt.</p>"
                                "<p>Seitdem steht in jeder Stellenanzeige der "
                                "Stadt ein Satz wie dieser: <em>„Wir freuen "
                                "uns besonders über Bewerbungen von Menschen "
                                "mit Migrationsgeschichte.“</em></p>",
                            )
                        ],
                        "status": "implemented",
                        "progress": 100,
                        "start_date": datetime.date(2016, 1, 1),
                        "end_date": datetime.date(2016, 3, 31),
                        "responsible_body": "Personal- und Organisationsamt",
                        "decision_body": "Stadtrat",
                        "decision_date": datetime.date(2015, 12, 10),
                        "decision_reference": "",
                        "decision_url": "",
                    },
                    {
                        "slug": "mehrsprachige-formulare-im-buergeramt",
                        "title": "Mehrsprachige Formulare im Bürgeramt",
                        "summary": (
                            "Die wichtigsten Formulare des Bürgeramts bekommen "
                            "Erklärungen in mehreren Sprachen."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Formulare sind oft schwer zu verstehen. "
                                "Darum gibt es zu jedem wichtigen Formular "
                                "ein Erklärblatt in mehreren Sprachen. Ein "
                                "Viertel der Formulare ist schon fertig.</p>",
                            )
                        ],
                        "status": "in_progress",
                        "progress": 25,
                        "start_date": datetime.date(2024, 5, 1),
                        "end_date": datetime.date(2027, 6, 30),
                        "responsible_body": "Bürgeramt",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                ],
            },
            # ---------------------------------------------------------------
            # 5. Wohnen und Leben im Stadtteil
            # ---------------------------------------------------------------
            {
                "slug": "wohnen-und-leben-im-stadtteil",
                "title": "Wohnen und Leben im Stadtteil",
                "goal": (
                    "Migrantinnen und Migranten sollen in ihrem Stadtteil gut "
                    "ankommen und ein Teil der Nachbarschaft werden."
                ),
                "description": (
                    "<p>Integration passiert vor der Haustür: im Haus, auf dem "
                    "Spielplatz, im Verein. Die Arbeitsgruppe fördert "
                    "Begegnungen in den Stadtteilen. Sie hilft auch bei "
                    "Fragen rund um das Wohnen.</p>"
                ),
                "lead": "Amt für Soziales und Wohnen",
                "contact_name": "Quartiersmanagement der Stadt",
                "contact_email": "wohnen-stadtteil@example.org",
                "show_contact_email": False,
                "members": [
                    {"name": "Amt für Soziales und Wohnen", "url": ""},
                    {"name": "Städtische Wohnungsbaugesellschaft", "url": ""},
                    {"name": "Caritasverband", "url": ""},
                    {"name": "Stadtteiltreffs", "url": ""},
                ],
                "measures": [
                    {
                        "slug": "willkommenslotsen-im-stadtteil",
                        "title": "Willkommenslotsen im Stadtteil",
                        "summary": (
                            "Ehrenamtliche Lotsinnen und Lotsen zeigen neuen "
                            "Nachbarinnen und Nachbarn ihren Stadtteil."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Die Lotsinnen und Lotsen wohnen selbst im "
                                "Stadtteil. Sie zeigen Geschäfte, Ärzte, "
                                "Schulen und Vereine. In vier von sechs "
                                "Stadtteilen gibt es schon Lotsinnen und "
                                "Lotsen.</p>",
                            )
                        ],
                        "status": "in_progress",
                        "progress": 70,
                        "start_date": datetime.date(2017, 4, 1),
                        "end_date": None,
                        "responsible_body": "Quartiersmanagement der Stadt",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                    {
                        "slug": "begegnungscafe-im-stadtteiltreff",
                        "title": "Begegnungscafé im Stadtteiltreff",
                        "summary": (
                            "Ein wöchentliches Café brachte alte und neue "
                            "Nachbarinnen und Nachbarn zusammen. Es wurde "
                            "beendet, weil der Raum nicht mehr zur Verfügung "
                            "stand."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Das Café war beliebt. Leider musste der "
                                "Stadtteiltreff umziehen. Ein neuer Raum wurde "
                                "nicht gefunden. Viele Gäste treffen sich "
                                "jetzt bei den Willkommenslotsen.</p>",
                            )
                        ],
                        "status": "discontinued",
                        "progress": None,
                        "start_date": datetime.date(2016, 5, 4),
                        "end_date": datetime.date(2019, 7, 31),
                        "responsible_body": "Stadtteiltreffs",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                ],
            },
            # ---------------------------------------------------------------
            # 6. Soziale und politische Teilnahme und Teilhabe
            # ---------------------------------------------------------------
            {
                "slug": "soziale-und-politische-teilnahme-und-teilhabe",
                "title": "Soziale und politische Teilnahme und Teilhabe",
                "goal": (
                    "Migrantinnen und Migranten sollen mehr Wege finden, in "
                    "der Gesellschaft mitzumachen. Ein Dialog zwischen dem "
                    "Beirat und den ausländischen Einwohnerinnen und "
                    "Einwohnern soll Wünsche sichtbar machen und über "
                    "Angebote informieren."
                ),
                "description": (
                    "<p>Mitreden und mitentscheiden – das gilt für alle. Die "
                    "Arbeitsgruppe zeigt, wie man sich in Vereinen, in der "
                    "Nachbarschaft und in der Politik beteiligen kann. Der "
                    "Beirat für Migration und Integration spricht dafür "
                    "direkt mit den Menschen. Sie können ihre Wünsche sagen "
                    "und lernen die Angebote des Beirats kennen.</p>"
                ),
                "lead": "Beirat für Migration und Integration",
                "contact_name": "Vorsitz des Beirats für Migration und Integration",
                "contact_email": "beirat@example.org",
                "show_contact_email": True,
                "members": [
                    {"name": "Beirat für Migration und Integration", "url": ""},
                    {"name": "Volkshochschule", "url": ""},
                    {"name": "Migrantenorganisationen der Stadt", "url": ""},
                    {"name": "Stadtjugendring", "url": ""},
                ],
                "measures": [
                    {
                        "slug": "kostenlose-deutschkurse-fuer-frauen",
                        "title": "Kostenlose Deutschkurse für Frauen",
                        "summary": (
                            "Der Beirat bietet Frauen kostenlose Deutschkurse "
                            "an. Während des Kurses gibt es eine "
                            "Kinderbetreuung."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Die Kurse sind nur für Frauen. Sie finden "
                                "am Vormittag statt. So passen sie gut in den "
                                "Alltag von Müttern. Die Teilnahme kostet "
                                "nichts.</p>"
                                "<p>Die Frauen lernen Deutsch für den Alltag: "
                                "beim Einkaufen, beim Arzt und in der "
                                "Schule ihrer Kinder.</p>",
                            )
                        ],
                        "status": "in_progress",
                        "progress": None,
                        "start_date": datetime.date(2016, 2, 15),
                        "end_date": None,
                        "responsible_body": "Beirat für Migration und Integration",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                    {
                        "slug": "dialogprojekt-beirat-im-gespraech",
                        "title": "Dialogprojekt „Beirat im Gespräch“",
                        "summary": (
                            "Der Beirat spricht direkt mit den ausländischen "
                            "Einwohnerinnen und Einwohnern der Stadt. Sie "
                            "können ihre Wünsche sagen und erfahren, was der "
                            "Beirat anbietet."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Der Beirat lädt regelmäßig zu offenen "
                                "Gesprächsabenden ein. Die Abende finden in "
                                "verschiedenen Stadtteilen statt. Alle sind "
                                "willkommen.</p>"
                                "<p>Was wünschen Sie sich? Was fehlt Ihnen? "
                                "Der Beirat nimmt Ihre Ideen mit und "
                                "informiert über Ihre Möglichkeiten.</p>",
                            )
                        ],
                        "status": "in_progress",
                        "progress": 40,
                        "start_date": datetime.date(2016, 6, 1),
                        "end_date": None,
                        "responsible_body": "Beirat für Migration und Integration",
                        "decision_body": "Beirat für Migration und Integration",
                        "decision_date": datetime.date(2016, 4, 20),
                        "decision_reference": "",
                        "decision_url": "",
                    },
                    {
                        "slug": "infoabende-zur-beiratswahl",
                        "title": "Informationsabende zur Beiratswahl",
                        "summary": (
                            "Vor der nächsten Wahl des Beirats soll es "
                            "Informationsabende in mehreren Sprachen geben."
                        ),
                        "body": [
                            (
                                "paragraph",
                                "<p>Viele wissen nicht, dass sie den Beirat "
                                "wählen dürfen. Die Abende sollen erklären: "
                                "Wer darf wählen? Wie funktioniert die Wahl? "
                                "Was macht der Beirat?</p>",
                            )
                        ],
                        "status": "proposed",
                        "progress": None,
                        "start_date": None,
                        "end_date": None,
                        "responsible_body": "Beirat für Migration und Integration",
                        "decision_body": "",
                        "decision_date": None,
                        "decision_reference": "",
                        "decision_url": "",
                    },
                ],
            },
        ],
        "measures": [
            {
                "slug": "jaehrlicher-umsetzungsbericht",
                "title": "Jährlicher Bericht zur Umsetzung",
                "summary": (
                    "Einmal im Jahr soll ein kurzer Bericht zeigen, wie weit "
                    "die Maßnahmen der zweiten Phase sind."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>Der Bericht fasst die Arbeit aller sechs "
                        "Arbeitsgruppen zusammen. Er wird in einfacher "
                        "Sprache geschrieben und auf dieser Seite "
                        "veröffentlicht.</p>",
                    )
                ],
                "status": "planned",
                "progress": None,
                "start_date": datetime.date(2027, 1, 1),
                "end_date": None,
                "responsible_body": "Büro für Integration",
                "decision_body": "Ausschuss für Soziales",
                "decision_date": datetime.date(2026, 10, 6),
                "decision_reference": "Vorlage 402/2026",
                "decision_url": "",
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Feedback form and privacy notice
# ---------------------------------------------------------------------------

FEEDBACK = {
    "slug": "ihre-anregungen",
    "title": "Ihre Anregungen",
    "intro": (
        "<p>Haben Sie Wünsche oder Ideen für das Integrationskonzept? "
        "Schreiben Sie uns! Ihre Nachricht geht an den Vorsitz des Beirats für "
        "Migration und Integration. Wenn Sie eine Arbeitsgruppe wählen, liest "
        "auch diese Arbeitsgruppe Ihre Nachricht.</p>"
        "<p>Sie können in jeder Sprache schreiben. Ein Konto brauchen Sie nicht.</p>"
    ),
    "thank_you_text": (
        "<p>Vielen Dank für Ihre Nachricht! Der Beirat liest alle Anregungen. "
        "Wenn Sie uns Ihre E-Mail-Adresse gegeben haben, antworten wir Ihnen.</p>"
    ),
    "subject": "Neue Anregung zum Integrationskonzept",
    "to_address": "beirat@example.org",
    "from_address": "webseite@example.org",
}

PRIVACY = {
    "slug": "datenschutz",
    "title": "Datenschutz",
    "body": (
        "<p>Diese Seite ist ein Beispiel. Eine echte Stadt beschreibt hier, welche Daten "
        "sie speichert und wie lange.</p>"
        "<p>Das Formular „Ihre Anregungen“ speichert Ihre Nachricht und – wenn Sie "
        "möchten – Ihren Namen und Ihre E-Mail-Adresse. Ihre IP-Adresse speichern wir "
        "nicht. Nach 365 Tagen löschen wir Ihre Nachricht.</p>"
    ),
}

# The history of some measures, oldest first (invented example data): each step's date,
# status, progress and public note. The last step is the measure's status above. Measures
# without an entry here get the one the first publication records.
HISTORY = {
    "ausbildungspatenschaften": [
        (
            datetime.date(2016, 3, 15),
            "planned",
            None,
            "Der Arbeitskreis hat das Konzept für die Patenschaften beschlossen.",
        ),
        (
            datetime.date(2016, 9, 1),
            "in_progress",
            10,
            "Die ersten zehn Patenschaften haben begonnen.",
        ),
        (datetime.date(2019, 9, 1), "in_progress", 40, "Inzwischen gibt es 20 Patenschaften."),
        (datetime.date(2024, 9, 1), "in_progress", 60, "Inzwischen gibt es 30 Patenschaften."),
    ],
    "stellenanzeigen-ermutigen-zur-bewerbung": [
        (
            datetime.date(2015, 11, 20),
            "proposed",
            None,
            "Der Beirat hat vorgeschlagen, die Stellenanzeigen der Stadt zu ändern.",
        ),
        (datetime.date(2016, 2, 1), "planned", None, "Das Personalamt hat einen Text entworfen."),
        (
            datetime.date(2016, 6, 1),
            "implemented",
            100,
            "Alle Stellenanzeigen der Stadt tragen jetzt den neuen Satz.",
        ),
    ],
    "dolmetscherpool-fuer-arzttermine": [
        (datetime.date(2023, 5, 10), "proposed", None, "Eine Anregung aus dem Gesundheitsforum."),
    ],
}

# ---------------------------------------------------------------------------
# Published suggestions ("you said, we did"): invented residents' suggestions that they agreed
# to publish without their names, with the advisory board's answers and the measures they led
# to. `language` is the language of the form the resident used; `topic` a working group's slug
# (None: general); `answered_days_ago` when the board answered, counted back from the day the
# demo is loaded (each was sent ten days before: within the retention period).
# ---------------------------------------------------------------------------

SUGGESTIONS = [
    {
        "language": "de",
        "topic": "arbeit-und-ausbildung",
        "measures": ["ausbildungspatenschaften"],
        "answered_days_ago": 200,
        "text": (
            "Viele junge Leute geben ihre Ausbildung auf, weil niemand da ist, den sie bei "
            "Problemen im Betrieb oder in der Berufsschule fragen können. Könnte die Stadt "
            "ihnen erfahrene Menschen an die Seite stellen?"
        ),
        "answer_language": "de",
        "answer": (
            "<p>Danke für diese Anregung. Der Arbeitskreis hat daraus die "
            "Ausbildungspatenschaften gemacht: Ehrenamtliche begleiten Auszubildende durch "
            "ihre Ausbildung und helfen bei Fragen.</p>"
        ),
    },
    {
        "language": "ar",
        "topic": "schule-bildung-sprache",
        "measures": ["elterncafe-an-grundschulen"],
        "answered_days_ago": 40,
        "text": (
            "أتمنى أن يلتقي الآباء والأمهات في المدرسة بانتظام، حتى نفهم كيف تعمل المدرسة "
            "ونتعرف على المعلمين."
        ),
        "answer_language": "ar",
        "answer": (
            "<p>شكرًا على اقتراحك. تنظم المدارس الابتدائية الآن مقهى للآباء والأمهات مرة "
            "في الشهر، ويحضره مترجمون عند الحاجة.</p>"
        ),
    },
    {
        "language": "de",
        "topic": None,
        "measures": ["wegweiser-fuer-neu-zugewanderte"],
        "answered_days_ago": 250,
        "text": (
            "Als ich neu in der Stadt war, wusste ich nicht, welches Amt wofür zuständig ist. "
            "Eine Übersicht in mehreren Sprachen würde vielen helfen."
        ),
        "answer_language": "de",
        "answer": (
            "<p>Genau dafür gibt es jetzt den Wegweiser für neu Zugewanderte. Er nennt die "
            "wichtigsten Stellen und liegt im Bürgeramt in mehreren Sprachen aus.</p>"
        ),
    },
    {
        "language": "de",
        "topic": "gesundheit-und-pflege",
        "measures": ["dolmetscherpool-fuer-arzttermine"],
        "answered_days_ago": 120,
        "text": (
            "Beim Arzt verstehe ich oft nicht alles. Meine Kinder müssen übersetzen, das ist "
            "für alle unangenehm."
        ),
        "answer_language": "de",
        "answer": (
            "<p>Vielen Dank. Die Arbeitsgruppe Gesundheit baut einen Pool von Dolmetscherinnen "
            "und Dolmetschern auf, die Praxen für Termine anfragen können.</p>"
        ),
    },
    {
        "language": "de",
        "topic": "verwaltung",
        "measures": [],
        "answered_days_ago": 12,
        "text": "Die Termine im Bürgeramt sollten auch am Abend möglich sein.",
        "answer_language": "de",
        "answer": (
            "<p>Danke für den Hinweis. Das Bürgeramt bietet seit dem Frühjahr einmal in der "
            "Woche Termine bis 19 Uhr an. Wir prüfen, ob mehr möglich ist.</p>"
        ),
    },
]

# ---------------------------------------------------------------------------
# Indicators, one per working group of phase 2 (invented example data, marked as such in each
# source): (group slug, title, definition, unit, direction, code, baseline, target,
# comparison label, values by year with comparison values).
# ---------------------------------------------------------------------------

EXAMPLE_SOURCE = "Beispieldaten: erfundene Zahlen für die Demo, keine Statistik"

INDICATORS = [
    {
        "group": "arbeit-und-ausbildung",
        "measures": [
            "ausbildungspatenschaften",
            "beratung-zur-anerkennung-von-berufsabschluessen",
        ],
        "title": "Beschäftigungsquote von Menschen aus dem Ausland",
        "definition": (
            "Anteil der sozialversicherungspflichtig Beschäftigten an allen 15- bis "
            "64-Jährigen mit ausländischer Staatsangehörigkeit."
        ),
        "unit": "percent",
        "direction": "higher",
        "code": "E1a",
        "baseline": ("2015", "44.0"),
        "target": ("2026", "58.0"),
        "comparison_label": "Gesamtbevölkerung",
        "values": [
            ("2015", "44.0", "61.2"),
            ("2016", "45.1", "61.9"),
            ("2017", "46.8", "62.5"),
            ("2018", "48.2", "63.0"),
            ("2019", "49.5", "63.6"),
            ("2020", "47.9", "62.8"),
            ("2021", "50.3", "63.4"),
            ("2022", "52.6", "64.1"),
            ("2023", "54.0", "64.5"),
            ("2024", "55.2", "64.8"),
        ],
    },
    {
        "group": "gesundheit-und-pflege",
        "measures": ["dolmetscherpool-fuer-arzttermine"],
        "title": "Arzttermine mit Sprachmittlung",
        "definition": (
            "Termine in Praxen, zu denen der Dolmetscherpool eine Sprachmittlung schickte."
        ),
        "unit": "count",
        "direction": "higher",
        "code": "",
        "baseline": ("2017", "40"),
        "target": ("2026", "900"),
        "comparison_label": "",
        "values": [
            ("2017", "40", None),
            ("2018", "95", None),
            ("2019", "180", None),
            ("2020", "150", None),
            ("2021", "310", None),
            ("2022", "450", None),
            ("2023", "520", None),
            ("2024", "640", None),
        ],
    },
    {
        "group": "schule-bildung-sprache",
        "measures": [
            "alphabetisierungsklassen-an-schulen",
            "lernpatenschaften-und-hausaufgabenhilfe",
        ],
        "title": "Schulabgänge ohne Abschluss",
        "definition": (
            "Anteil der Schülerinnen und Schüler ausländischer Staatsangehörigkeit, die die "
            "Schule ohne Abschluss verlassen."
        ),
        "unit": "percent",
        "direction": "lower",
        "code": "B3",
        "baseline": ("2015", "14.8"),
        "target": ("2026", "9.0"),
        "comparison_label": "Alle Schülerinnen und Schüler",
        "values": [
            ("2015", "14.8", "6.1"),
            ("2016", "14.1", "6.0"),
            ("2017", "13.6", "5.9"),
            ("2018", "13.9", "6.2"),
            ("2019", "12.7", "5.8"),
            ("2020", "12.9", "6.0"),
            ("2021", "12.0", "5.7"),
            ("2022", "11.4", "5.6"),
            ("2023", "10.9", "5.5"),
        ],
    },
    {
        "group": "verwaltung",
        "measures": ["stellenanzeigen-ermutigen-zur-bewerbung"],
        "title": "Beschäftigte der Stadtverwaltung mit Einwanderungsgeschichte",
        "definition": (
            "Anteil der Beschäftigten der Stadtverwaltung, die selbst oder deren Eltern "
            "eingewandert sind (freiwillige Angabe)."
        ),
        "unit": "percent",
        "direction": "higher",
        "code": "",
        "baseline": ("2016", "9.0"),
        "target": ("2026", "16.0"),
        "comparison_label": "",
        "values": [
            ("2016", "9.0", None),
            ("2017", "9.4", None),
            ("2018", "10.1", None),
            ("2019", "10.8", None),
            ("2020", "11.2", None),
            ("2021", "11.9", None),
            ("2022", "12.5", None),
            ("2023", "13.0", None),
            ("2024", "13.6", None),
        ],
    },
    {
        "group": "wohnen-und-leben-im-stadtteil",
        "measures": ["begegnungscafe-im-stadtteiltreff"],
        "title": "Begegnungsangebote in den Stadtteilen",
        "definition": (
            "Regelmäßige Begegnungsangebote (mindestens monatlich) in den Stadtteiltreffs."
        ),
        "unit": "count",
        "direction": "higher",
        "code": "",
        "baseline": ("2015", "6"),
        "target": ("2026", "24"),
        "comparison_label": "",
        "values": [
            ("2015", "6", None),
            ("2016", "7", None),
            ("2017", "9", None),
            ("2018", "11", None),
            ("2019", "12", None),
            ("2020", "8", None),
            ("2021", "13", None),
            ("2022", "15", None),
            ("2023", "17", None),
            ("2024", "19", None),
        ],
    },
    {
        "group": "soziale-und-politische-teilnahme-und-teilhabe",
        "measures": ["infoabende-zur-beiratswahl", "dialogprojekt-beirat-im-gespraech"],
        "title": "Wahlbeteiligung bei der Beiratswahl",
        "definition": (
            "Anteil der Wahlberechtigten, die bei der Wahl des Beirats für Migration und "
            "Integration gewählt haben."
        ),
        "unit": "percent",
        "direction": "higher",
        "code": "",
        "baseline": ("2014", "8.1"),
        "target": ("2029", "15.0"),
        "comparison_label": "",
        "values": [("2014", "8.1", None), ("2019", "9.6", None), ("2024", "11.8", None)],
    },
]
