"""Commitment families that every era writes: kept promises, decisions, intentions, what the
Kamer will receive, promises in a subordinate clause; and what is no promise: aims, others' wishes, ongoing work, obligations,
proposals."""

from __future__ import annotations

import pytest

LETTER = (
    "Den Haag, 14 maart 2024\n\nGeachte voorzitter,\n\n{body}\n\n"
    "De Minister van Volksgezondheid, Welzijn en Sport,\n\nE.I. Schippers\n"
)


@pytest.fixture(scope="module")
def commitments(bundled_extractor):
    def run(body: str):
        record = bundled_extractor.from_bytes(LETTER.format(body=body).encode(), "brief.txt")
        return [(c.actor, c.strength, c.status) for c in record.commitments]

    return run


@pytest.mark.parametrize(
    "body",
    [
        "Conform mijn toezegging in het commissiedebat van 4 juli stuur ik u bijgaand het overzicht.",
        "Ter voldoening aan de toezegging die ik tijdens het debat heb gedaan, doe ik u hierbij een"
        " notitie toekomen.",
        "Overeenkomstig mijn toezegging tijdens het vragenuur informeer ik u hierbij over de stand"
        " van zaken.",
        "Zoals toegezegd in het debat over de begroting stuur ik u hierbij de evaluatie.",
        "In vervolg op mijn toezegging aan het lid Omtzigt zend ik u hierbij de informatie.",
    ],
)  # fmt: skip
def test_a_promise_kept_by_sending_this_letter_is_fulfilled(commitments, body) -> None:
    assert commitments(body) == [("E.I. Schippers", "firm", "fulfilled")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Daarom heb ik besloten om scholen voorrang te geven in de tweede ronde.",
         ("E.I. Schippers", "firm", "new")),
        ("Het kabinet heeft besloten het wetsvoorstel na de zomer in te dienen.",
         (None, "firm", "new")),
        ("Het is mijn voornemen om de wet in 2026 te wijzigen.", ("E.I. Schippers", "soft", "new")),
        ("U zult dit overzicht voortaan ontvangen bij ieder jaarverslag.",
         ("E.I. Schippers", "firm", "new")),
        ("Uw Kamer ontvangt de evaluatie voor de zomer.", ("E.I. Schippers", "firm", "new")),
        ("Daar wil ik graag met het bestuur in gesprek.", ("E.I. Schippers", "soft", "new")),
        ("We willen in 2025 een pilot starten met tien gemeenten.", (None, "soft", "new")),
        ("Daarom willen we de bodemafdekking verminderen, de bodem herstellen en inzetten voor"
         " groen.", (None, "soft", "new")),
        ("De NVWA onderzoekt in 2025 de risico's in de paardenketen.",
         ("Nederlandse Voedsel- en Warenautoriteit", "firm", "new")),
        # a promise in a clause of its own
        ("De regeling, waarover ik u voor de zomer zal informeren, loopt nog.",
         ("E.I. Schippers", "firm", "new")),
        ("Ik heb de Kamer gemeld dat ik de regeling in 2025 zal evalueren.",
         ("E.I. Schippers", "firm", "new")),
        ("In mijn brief heb ik u geïnformeerd dat het kabinet in de komende periode nader zal"
         " analyseren of het beleidskader moet worden aangepast.", (None, "firm", "new")),
        # a unit named by its kind; a separable verb whose particle comes late
        ("De werkgroep zal in mei een advies uitbrengen.", ("werkgroep", "firm", "new")),
        ("Ik zet dit door met de betrokken partijen.", ("E.I. Schippers", "firm", "new")),
        # an expected delivery
        ("Ik verwacht u de resultaten in het eerste kwartaal van 2025 toe te kunnen sturen.",
         ("E.I. Schippers", "firm", "new")),
        # a wish whose verb closes the clause, though the tagger took it for a noun
        ("Om die redenen wil ik de gegevens van de laatste maanden ook meenemen.",
         ("E.I. Schippers", "soft", "new")),
        ("Ik wil met zorgverzekeraars afspreken dat zij meerjarige afspraken maken.",
         ("E.I. Schippers", "soft", "new")),
        # the cabinet acting in the present tense, dated after the letter
        ("In 2026 past het kabinet de regeling aan.", (None, "firm", "new")),
    ],
)  # fmt: skip
def test_decisions_intentions_and_what_the_kamer_will_receive_are_promises(
    commitments, body, expected
) -> None:
    assert commitments(body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        # delivering or mentioning a toezegging without keeping one
        "Ik stuur u hierbij het rapport van de commissie.",
        "De toezegging van de gemeente is nog niet nagekomen.",
        # decisions of others, in the past, or only supposed
        "De gemeente heeft besloten de school te sluiten.",
        "In 2019 heeft het kabinet besloten de regeling af te schaffen.",
        "De notitie bevat de gevolgen indien besloten zou worden de administratie op te slaan.",
        "U ontving vorig jaar de evaluatie.",
        "U zult geen nieuwe brief ontvangen.",
        # policy aims: a wish with no act
        "We willen voorkomen dat de schade door droogte toeneemt.",
        "Voor de ondergrond willen we een zorgvuldig geordende ondergrondse ruimte.",
        "Het Rijk streeft naar ruimte voor natuurlijke systemen.",
        "We willen de uitstoot in 2030 halveren.",
        # others' wishes and ongoing work
        "De heer Wafin wil zich richten op vroegdiagnostiek.",
        "UWV wil de dienstverlening verbeteren.",
        "De NVWA onderzoekt op dit moment waar de grootste risico's liggen.",
        # a subordinate clause that is negated or asks whether
        "Ik weet niet of ik de regeling zal evalueren.",
        "Het rapport dat ik niet zal publiceren is klaar.",
        "Ik verwacht dat de kosten in 2025 zullen stijgen.",
        "Ik weet dat het kabinet de regeling niet zal wijzigen.",
        # the cabinet in the past (its present announces an act: see below)
        "In 2020 paste het kabinet de regeling aan.",
        # the letter pointing elsewhere
        "Over de veilplicht wil ik volstaan met te verwijzen naar mijn brief van 9 oktober.",
        "Op de genoemde motie ga ik in het antwoord op vraag 5 nader in.",
        # an aim, a wish whose verbs are in a clause of their own, a passive of the past
        "Daarom werkt het Rijk samen aan de ambitie om in 2050 te komen tot gezonde wateren.",
        "We willen als kabinet meer rekening houden met de bodem, bij besluiten die we nemen.",
        "In het artikel wordt verwezen naar een analyse die in 2016 door het RIEC is opgesteld.",
        # a third party's standing practice
        "Het IMG werkt daarvoor doorlopend aan kennisontwikkeling over schademechanismes.",
        # aims, the letter about itself, requests, a third party's work described
        "Ons doel is de uitstoot in 2030 te halveren.",
        "Graag wijs ik erop dat de regeling al bestaat.",
        "Daarom verzoek ik de gemeenten om de regeling uit te voeren.",
        "De NVWA controleert de slachthuizen.",
        "De werkgroep heeft in mei een advies uitgebracht.",
        # obligations of others and proposals
        "Ook gemeenten zullen hier rekening mee moeten houden.",
        "Het PBL stelt voor om meerdere doelen op te stellen.",
    ],
)  # fmt: skip
def test_aims_wishes_ongoing_work_obligations_and_proposals_are_no_promises(
    commitments, body
) -> None:
    assert commitments(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the present tense of an act the sentence dates after the letter ...
        ("Na de zomer maken we de balans op.", [(None, "firm", "new")]),
        ("In het voorjaar van 2025 maakt het kabinet opnieuw de balans op.",
         [(None, "firm", "new")]),
        ("Na de zomer maak ik de balans op.", [("E.I. Schippers", "firm", "new")]),
        # ... but not a state, receiving, a date before the letter, no date, no actor of the
        # letter, or a date of a clause after the verb
        ("Na de zomer ben ik weer beschikbaar voor overleg.", []),
        ("In 2025 krijg ik het advies van de Raad.", []),
        ("In 2019 maakte het kabinet de balans op.", []),
        ("Het kabinet maakt de balans op.", []),
        ("In 2025 bedraagt het budget tien miljoen euro.", []),
        ("Dit doen we op basis van de informatie die het programma in 2025 oplevert.", []),
    ],
)  # fmt: skip
def test_a_dated_present_tense_of_the_writer_is_a_promise(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an effort described in the present is policy at work ...
        ("Verder zet ik mij in om passende zorg te bevorderen.", []),
        ("Om overgewicht te bestrijden zet ik in op een gezond eetpatroon.", []),
        ("Zoals in het Regeerprogramma aangegeven, werk ik aan een wettelijke beperking.", []),
        ("UWV zet om die reden extra in op de scholing van artsen.", []),
        # ... a promise when dated, or in the future tense
        ("In 2025 zet ik extra in op de scholing van verzekeringsartsen.",
         [("E.I. Schippers", "soft", "new")]),
        ("Ik zal mij inzetten voor een goede regeling.", [("E.I. Schippers", "soft", "new")]),
        ("Ik werk de plannen voor de zomer uit in een wetsvoorstel.",
         [("E.I. Schippers", "firm", "new")]),
        # ... and a plan of "we" is the letter's promise
        ("We zetten in op een verhoging van de grondwaterstand.", [(None, "soft", "new")]),
    ],
)  # fmt: skip
def test_an_undated_effort_is_no_promise(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the government's undated wish is an aim ...
        ("Nederland wil werken aan een mondiale uitvoeringsagenda.", []),
        ("Het kabinet wil burgers beter in staat stellen om hun rechten te halen.", []),
        # ... but not when it is dated, and the ministry's own wish is a promise
        ("Het kabinet wil dit najaar een wetsvoorstel indienen.", [(None, "soft", "new")]),
        ("Ten eerste wil het ministerie beter inzicht krijgen in de problemen.",
         [(None, "soft", "new")]),
    ],
)  # fmt: skip
def test_an_undated_wish_of_the_government_is_an_aim(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the signatory as "de ondergetekende", in the third person
        ("De ondergetekende zal de Kamer vóór het einde van dit jaar een nota doen toekomen.",
         [("E.I. Schippers", "firm", "new")]),
        ("Ondergetekende is voornemens het wetsontwerp nog dit jaar in te dienen.",
         [("E.I. Schippers", "soft", "new")]),
        # "niet nalaten" is a promise, not a negation
        ("Ik zal niet nalaten Uw Kamer over de uitkomsten van het overleg in te lichten.",
         [("E.I. Schippers", "firm", "new")]),
        # a hope to send is a promise to send
        ("Ik hoop U het rapport vóór 1 juli a.s. te doen toekomen.",
         [("E.I. Schippers", "firm", "new")]),
        # intentions in older wording
        ("Het ligt in mijn voornemen U omtrent de resultaten nader te berichten.",
         [("E.I. Schippers", "soft", "new")]),
        ("Ik stel mij voor de Kamer in het najaar nader te informeren.",
         [("E.I. Schippers", "soft", "new")]),
        # what the Kamer will be sent, in the passive
        ("Een nota terzake zal U binnenkort worden toegezonden.",
         [("E.I. Schippers", "firm", "new")]),
        # ... and what is none of these
        ("De ondergetekende moge hier opmerken, dat de voorrechten beperkt zijn.", []),
        ("De ondergetekende heeft op 26 april jl. de Kamer een brief gezonden.", []),
        ("Ik hoop dat de Kamer met dit voorstel kan instemmen.", []),
        ("Ik zal niet aarzelen om de regeling in te trekken als dat nodig is.", []),
        ("Een nota terzake is U op 3 maart toegezonden.", []),
    ],
)  # fmt: skip
def test_older_formulas_of_promise_and_their_lookalikes(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the writer as the agent of a passive
        ("Daartoe strekkende wetsvoorstellen zullen de komende maanden onder mijn"
         " verantwoordelijkheid worden ingediend.", [("E.I. Schippers", "firm", "new")]),
        ("Het rapport zal door mij voor de zomer aan de Kamer worden gezonden.",
         [("E.I. Schippers", "firm", "new")]),
        ("Door mij werd toegezegd over dit onderwerp met betrokkenen nader overleg te voeren.",
         [("E.I. Schippers", "firm", "new")]),
        # a decision that something will (not) happen
        ("Ik heb nu besloten dat geen maatregelen worden uitgevoerd voordat de nota is"
         " verschenen.", [("E.I. Schippers", "firm", "new")]),
        # a promise the letter keeps, in older wording
        ("Onder verwijzing naar mijn toezegging tijdens het overleg treft U hieronder de"
         " beloofde informatie aan.", [("E.I. Schippers", "firm", "fulfilled")]),
        # the cabinet's promise, its verb before it and a name in between
        ("In een overleg met de Stichting van de Arbeid zegt het kabinet toe te zullen komen"
         " met voorstellen.", [(None, "firm", "new")]),
        # a predecessor's promise (the office's, no actor named)
        ("Tijdens de behandeling heeft mijn ambtsvoorganger aan het lid De Boer toegezegd, zijn"
         " vraag schriftelijk te beantwoorden.", [(None, "firm", "new")]),
        # not: a passive by someone else, the letter announcing its own parts, a meeting held
        ("Het rapport zal door de Raad van State worden uitgebracht.", []),
        ("Alvorens op deze ontwikkelingen in te gaan, zal ik eerst de uitgangspunten schetsen"
         " die bij de besluitvorming een rol spelen.", []),
        ("Hieronder zal ik achtereenvolgens ingaan op de kosten en de baten.", []),
        ("Op 23 januari 1989 hebben de minister en ik overleg gevoerd met de vaste commissie.",
         []),
    ],
)  # fmt: skip
def test_passives_decisions_and_the_letter_announcing_itself(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a second clause after "en" shares the subject and promises
        ("Nederland heeft zich voor de positie van migranten sterk gemaakt en zal dit blijven"
         " doen.", [(None, "firm", "new")]),
        ("Ik heb met de sector gesproken en zal de Kamer voor de zomer informeren.",
         [("E.I. Schippers", "firm", "new")]),
        ("Mijn ministerie is in gesprek geweest met Studielink om informatie te verstrekken die"
         " nodig is en zal ook in de toekomst ondersteuning blijven aanbieden.",
         [("E.I. Schippers", "firm", "new")]),
        # ... not when negated, nor inside a clause of its own
        ("Ik heb met de sector gesproken en zal dat niet opnieuw doen.", []),
        ("Ik zal dat niet doen.", []),
        ("Het ministerie heeft bevestigd dat Oekraïne gecommitteerd is en blijft aan het verdrag.",
         []),
        ("Het aantal aanvragen is gestegen en zal de komende jaren verder stijgen.", []),
        ("Het kabinet heeft de regeling geëvalueerd en blijft van mening dat deze werkt.", []),
        # "dat" after a main verb opens a clause: its negation is no negated promise
        ("Ik zorg dat gemeenten niet met de kosten blijven zitten.",
         [("E.I. Schippers", "firm", "new")]),
        # both ministers, one of them the writer
        ("Beide ministers hebben toegezegd toe te zien op de uitvoering van de afspraken.",
         [("E.I. Schippers", "firm", "new")]),
    ],
)  # fmt: skip
def test_a_promise_in_a_second_clause_or_by_both_ministers(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the government by its collective name announces its act in the present
        ("Omdat hier tijd voor nodig is, stelt het kabinet een handreiking op voor de regio.",
         [(None, "firm", "new")]),
        ("Samen met provincies en waterschappen start het Rijk zelf pilots voor bodemherstel.",
         [(None, "firm", "new")]),
        ("Het kabinet past de regeling aan.", [(None, "firm", "new")]),
        # with partners, and glued in the letter
        ("Rijk en gemeenten ontwikkelen hiervoor een gezamenlijk instrument.",
         [(None, "firm", "new")]),
        ("Omdat hier tijd voor nodig is, stelt hetkabinet een handreiking op voor de regio.",
         [(None, "firm", "new")]),
        ("De evaluatie is door het kabinet en de provincies besproken.", []),
        # ... not an effort it describes, nor a result, nor what it does at this moment
        ("Het kabinet zet in op duidelijke kaders voor de ontscheping.", []),
        ("Het Rijk stuurt met het programma aan op een duurzaam bodembeheer.", []),
        ("Op deze manier werkt het kabinet aan toegankelijkere zorg in de regio.", []),
        ("Het kabinet onderzoekt op dit moment de gevolgen van het advies.", []),
        ("De rijksoverheid beoordeelt jaarlijks de aanvragen.", []),
        ("Het kabinet stelt elk jaar een rapportage op.", []),
    ],
)  # fmt: skip
def test_the_government_announcing_its_act_in_the_present(commitments, body, expected) -> None:
    assert commitments(body) == expected


def test_als_before_a_noun_phrase_opens_no_clause(commitments) -> None:
    # "als één van de oplossingen" is no subordinate clause that ends the wish: the act
    # "toewerken naar" follows it
    body = (
        "Ik wil samen met de NOvA als één van de oplossingen toewerken naar een duurzaam"
        " kantoormodel voor sociaal advocaten."
    )
    assert commitments(body) == [("E.I. Schippers", "soft", "new")]
    # ... but "als" with a clause of its own still ends it: an aim, no act
    assert commitments("Ik wil voorkomen dat de kosten stijgen als de regeling vervalt.") == []
    assert commitments("Ik wil de wachttijden verkleinen als de middelen beschikbaar komen.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "zegt ... toe" in the third person promises, as "zeg ... toe" does
        ("De minister zegt toe de Kamer voor de zomer te informeren.",
         [("E.I. Schippers", "firm", "new")]),
        # ... unless negated
        ("Het kabinet zegt niet toe dat de regeling blijft.", []),
    ],
)  # fmt: skip
def test_a_promise_said_in_the_third_person(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # keeping the Kamer informed, and expecting to send or finish something, promise
        ("Ik houd uw Kamer op de hoogte van de voortgang.", [("E.I. Schippers", "firm", "new")]),
        ("De resultaten verwacht ik in het eerste kwartaal van 2025 naar uw Kamer te sturen.",
         [("E.I. Schippers", "firm", "new")]),
        ("Ik verwacht de evaluatie in mei af te ronden.", [("E.I. Schippers", "firm", "new")]),
        # ... not what the writer keeps in mind or what others expect
        ("Ik houd rekening met de wensen van de sector.", []),
        ("De sector verwacht de resultaten te delen met de leden.", []),
        ("Ik verwacht dat de kosten stijgen.", []),
    ],
)  # fmt: skip
def test_keeping_informed_and_expected_delivery(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # taking something into account ("meenemen") is an act to come
        ("Ik neem dit mee in de evaluatie van de wet.", [("E.I. Schippers", "firm", "new")]),
        ("Deze adviezen neemt het kabinet mee in de beoordeling van de aanvraag.",
         [(None, "firm", "new")]),
        # ... "neemt" without its particle is no such act
        ("Het kabinet neemt maatregelen om de uitstoot te beperken.", []),
    ],
)  # fmt: skip
def test_taking_into_account(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the Kamer informed in the present passive is told what will come
        ("Uw Kamer wordt voor de zomer geïnformeerd over de uitkomsten.",
         [("E.I. Schippers", "firm", "new")]),
        ("Voor de zomer wordt uw Kamer geïnformeerd over de uitkomsten.",
         [("E.I. Schippers", "firm", "new")]),
        # ... not by this letter itself, nor in the past
        ("Hierbij wordt uw Kamer geïnformeerd over de uitkomsten.", []),
        ("Met deze brief wordt uw Kamer geïnformeerd over de uitkomsten.", []),
        ("Uw Kamer werd in mei geïnformeerd over de uitkomsten.", []),
        # a paper sent to the Kamer in the present passive, as with "zal ... worden gezonden"
        ("De evaluatie wordt voor de zomer aan uw Kamer gezonden.",
         [("E.I. Schippers", "firm", "new")]),
        ("Hierbij wordt de evaluatie aan uw Kamer aangeboden.", []),
        ("De evaluatie werd in mei aan uw Kamer gezonden.", []),
        # considering whether is an act to come
        ("Ik bezie of aanvullende maatregelen nodig zijn.", [("E.I. Schippers", "firm", "new")]),
    ],
)  # fmt: skip
def test_the_kamer_informed_and_considering(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the writer's own act, hedged, is a soft promise; the world's course is none
        ("Ik zal uw Kamer naar verwachting in mei informeren.", [("E.I. Schippers", "soft", "new")]),
        ("Naar verwachting zal ik de regeling in 2025 evalueren.",
         [("E.I. Schippers", "soft", "new")]),
        ("Naar verwachting zal het aantal aanvragen dalen.", []),
        ("Het onderzoek wordt naar verwachting in mei afgerond.", []),
    ],
)  # fmt: skip
def test_a_hedged_promise_of_the_writer(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "komen met" something the writer delivers: a promise
        ("Ik kom voor de zomer met een plan van aanpak.", [("E.I. Schippers", "firm", "new")]),
        ("Voor de zomer kom ik met een voorstel.", [("E.I. Schippers", "firm", "new")]),
        ("Het kabinet komt dit najaar met een reactie op het advies.", [(None, "firm", "new")]),
        ("Ik kom na de zomer met een wetsvoorstel.", [("E.I. Schippers", "firm", "new")]),
        # "met" before anything else is a preposition; a request; the past
        ("De minister komt met de sector tot afspraken.", []),
        ("Ik verzoek de regering met een voorstel te komen.", []),
        ("Vorig jaar kwam ik met een voorstel.", []),
        ("Wanneer komt u met een voorstel?", []),
        # "met" + what the writer acts with, or a fixed phrase after it
        ("Ik kom met deze brief tegemoet aan het verzoek van de commissie.", []),
        ("Het kabinet komt met deze maatregelen tegemoet aan de zorgen.", []),
        ("Ik kom met de evaluatie in 2023 tot de conclusie dat het werkt.", []),
        ("Ik kom voor de zomer met een voorstel tot wijziging van de wet.",
         [("E.I. Schippers", "firm", "new")]),
    ],
)  # fmt: skip
def test_coming_with_a_proposal(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ik ben van plan de regeling te verlengen.", [("E.I. Schippers", "soft", "new")]),
        ("Daarom ben ik van plan om in 2025 een pilot te starten.",
         [("E.I. Schippers", "soft", "new")]),
        # a negation, a plan of others, a question
        ("Wij zijn niet van plan de regeling te verlengen.", []),
        ("Ik ben van plan dat de gemeenten dit zelf regelen.", []),
        ("Was u van plan de regeling te verlengen?", []),
        # another's plan in a clause of its own, the past, a negation
        ("Ik ben blij dat provincies van plan zijn om te investeren.", []),
        ("Ik ben benieuwd of zij van plan zijn de regeling te verlengen.", []),
        ("Zoals u weet ben ik van plan geweest de regeling te verlengen.", []),
        ("Ik ben geenszins van plan de regeling te verlengen.", []),
        ("Ik ben nog steeds van plan de regeling te verlengen.", [("E.I. Schippers", "soft", "new")]),
    ],
)  # fmt: skip
def test_the_writer_plans_to_act(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # another body going on with its work is no promise of the writer's
        ("UNHCR blijft bij de Tunesische autoriteiten aandringen op snelle registratie.", []),
        ("De NVWA blijft de slachthuizen controleren.", []),
        # unless it is dated after the letter, or promised
        ("De NVWA blijft in 2025 de slachthuizen extra controleren.",
         [("Nederlandse Voedsel- en Warenautoriteit", "firm", "new")]),
        # the writer going on is a promise
        ("Ik blijf de slachthuizen extra controleren.", [("E.I. Schippers", "firm", "new")]),
    ],
)  # fmt: skip
def test_another_body_keeps_doing_its_work(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # having something done is a promise to act: "ik laat ... nagaan / kijken"
        ("Ik laat de NVWA nagaan of de regels worden nageleefd.",
         [("E.I. Schippers", "firm", "new")]),
        ("Ik laat hier nog nader naar kijken.", [("E.I. Schippers", "firm", "new")]),
        ("Ik laat dit uitzoeken door de inspectie.", [("E.I. Schippers", "firm", "new")]),
        # in a second clause that shares the subject
        ("Ik kan het genoemde percentage niet verklaren en laat hier nog nader naar kijken.",
         [("E.I. Schippers", "firm", "new")]),
        # "laten" that makes no act: leaving to others, showing, leaving open
        ("Ik laat het aan de gemeenten over hoe zij dit inrichten.", []),
        ("Ik laat het aan de gemeenten om dit te controleren.", []),
        ("Ik laat het aan de sector over om een oplossing te ontwikkelen.", []),
        ("Ik laat in het midden of dit wenselijk is.", []),
        ("Dit laat onverlet dat gemeenten zelf maatregelen kunnen nemen.", []),
        ("Het RIVM heeft de cijfers gepubliceerd en laat zien dat de uitstoot daalt.", []),
    ],
)  # fmt: skip
def test_having_something_done(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "gaan over": being in charge of something, not going to act
        ("Ik ga wel over mijn eigen reactie op voorstellen die uw Kamer indient.", []),
        ("Daar ga ik zelf over.", []),
        ("Daar ga ik niet over.", []),
        # "gaan" and "over" that promise an act
        ("Ik ga over dit onderwerp in gesprek met de VNG.", [("E.I. Schippers", "firm", "new")]),
        ("Ik ga over twee weken de Kamer informeren over de uitkomst.",
         [("E.I. Schippers", "firm", "new")]),
        # "overgaan tot / op": going to act
        ("Als dat niet lukt, ga ik wel over tot wetgeving.", [("E.I. Schippers", "firm", "new")]),
        ("Ik ga zelf over tot het opleggen van een verbod.", [("E.I. Schippers", "firm", "new")]),
    ],
)  # fmt: skip
def test_being_in_charge_is_no_promise(commitments, body, expected) -> None:
    assert commitments(body) == expected


def test_a_promise_inside_a_chronology_run_into_one_long_sentence(commitments) -> None:
    # a list of dated events joined by semicolons, longer than a sentence is read as one
    events = "; ".join(
        f"- {day} december 1989: het voorstel wordt in de ministerraad besproken en daarna"
        " met de sociale partners en de betrokken organisaties uitvoerig doorgenomen"
        for day in range(2, 9)
    )
    body = (
        "Wij informeren de Kamer over het verloop: -1 december 1989: in een overleg met de"
        " Stichting van de Arbeid zegt het kabinet toe te zullen komen met voorstellen om de"
        f" koopkracht van niet-actieven te verbeteren; {events}."
    )
    assert len(body) > 700
    assert commitments(body) == [(None, "firm", "new")]


@pytest.mark.parametrize(
    ("body", "expected", "action"),
    [
        # "toezeggen" in every tense and order, whatever the tagger calls "zeg"
        ("Ik zeg u toe dat ik de Kamer voor de zomer informeer over de evaluatie.",
         [("E.I. Schippers", "firm", "new")], "ik de Kamer voor de zomer informeer"),
        ("Tijdens het debat zegde de minister toe om de regeling te evalueren.",
         [("E.I. Schippers", "firm", "new")], "de regeling te evalueren"),
        ("In een overleg met de Stichting van de Arbeid zegt het kabinet toe te zullen komen"
         " met voorstellen.", [(None, "firm", "new")], "zullen komen met voorstellen"),
        ("Wij zegden toe, dat wij gaarne aan dat verzoek zouden voldoen.",
         [(None, "firm", "new")], "wij gaarne aan dat verzoek zouden voldoen"),
        # a negation, and "zeggen" without "toe"
        ("De minister zegde niet toe dat de regeling wordt verlengd.", [], None),
        ("Ik zeg u eerlijk dat de regeling niet werkt.", [], None),
    ],
)  # fmt: skip
def test_promising_with_toezeggen(commitments, bundled_extractor, body, expected, action) -> None:
    assert commitments(body) == expected
    if action is not None:
        record = bundled_extractor.from_bytes(LETTER.format(body=body).encode(), "brief.txt")
        assert record.commitments[0].action.startswith(action)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # intentions in the wording of every era
        ("Het ligt in mijn bedoeling de Kamer voor 1 juni een nota te zenden.",
         [("E.I. Schippers", "soft", "new")]),
        ("Ik heb het voornemen de regeling in 2025 te herzien.",
         [("E.I. Schippers", "soft", "new")]),
        ("Het kabinet heeft het voornemen de wet te wijzigen.", [(None, "soft", "new")]),
        ("Het is de bedoeling het wetsvoorstel nog dit jaar in te dienen.",
         [(None, "soft", "new")]),
        ("Het voornemen bestaat de regeling per 1 januari 2026 in te voeren.",
         [(None, "soft", "new")]),
        # what the Kamer may expect
        ("U kunt het wetsvoorstel in het najaar tegemoet zien.",
         [("E.I. Schippers", "firm", "new")]),
        # a negation, another's aim, the past, no act
        ("Het is niet de bedoeling de regeling te herzien.", []),
        ("Het is de bedoeling dat gemeenten dit zelf doen.", []),
        ("Ik had het voornemen de regeling te herzien.", []),
        ("U kunt niet tegemoet zien wat er gebeurt.", []),
    ],
)  # fmt: skip
def test_intentions_of_every_era(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # something the writer delivers follows at a date ahead: the writer's promise ...
        ("Mijn reactie op het rapport volgt na de zomer.", [("E.I. Schippers", "firm", "new")]),
        ("Voor 1 juli volgt een nadere uitwerking van de plannen.",
         [("E.I. Schippers", "firm", "new")]),
        ("De beantwoording van de vragen volgt binnen drie weken.",
         [("E.I. Schippers", "firm", "new")]),
        # ... the cabinet's, or another's, with no person as actor
        ("De kabinetsreactie volgt voor het einde van het jaar.", [(None, "firm", "new")]),
        ("Hun eerste advies volgt begin 2025.", [(None, "firm", "new")]),
        # what follows from something, follows a line, or follows without a date ahead
        ("Hieruit volgt dat de regeling in 2025 moet worden aangepast.", []),
        ("Het plan volgt de lijn van het advies uit 2025.", []),
        ("Daarna volgt een evaluatie.", []),
        ("Het antwoord volgde op 3 maart.", []),
        ("Een toelichting volgt hieronder.", []),
        ("Uit de evaluatie van 2025 volgen drie aanbevelingen.", []),
        # a place in the letter, or a date in a clause after the verb
        ("Een toelichting op de cijfers voor 2025 volgt in bijlage 2.", []),
        ("Het besluit volgt uit de wet die op 1 januari 2025 in werking treedt.", []),
        ("De uitwerking volgt grotendeels de lijn die het kabinet in het najaar heeft geschetst.",
         []),
        # another's delivery: no person as actor
        ("Het advies van de Raad van State volgt na de zomer.", [(None, "firm", "new")]),
        ("In 2025 volgt een evaluatie door het RIVM.", [(None, "firm", "new")]),
        # ... but the writer's own, whatever body it is about
        ("Mijn reactie op het advies van het CPB volgt na de zomer.",
         [("E.I. Schippers", "firm", "new")]),
        ("De evaluatie van de Participatiewet volgt na de zomer.",
         [("E.I. Schippers", "firm", "new")]),
    ],
)  # fmt: skip
def test_a_delivery_that_follows_at_a_date_ahead(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # what will be sent to the Kamer, in the passive, in either order of the verbs
        ("Het rapport zal voor de zomer aan uw Kamer worden toegezonden.",
         [("E.I. Schippers", "firm", "new")]),
        ("Zodra het advies er is, zal het met een appreciatie aan de Tweede Kamer gestuurd"
         " worden.", [("E.I. Schippers", "firm", "new")]),
        ("Het wetsvoorstel zal in het voorjaar bij uw Kamer worden ingediend.",
         [("E.I. Schippers", "firm", "new")]),
        ("Over de uitkomsten zal uw Kamer voor de zomer worden geïnformeerd.",
         [("E.I. Schippers", "firm", "new")]),
        # not sent, sent to others, a duty, the past, or the Kamer asked
        ("De resultaten zullen niet aan uw Kamer worden gezonden.", []),
        ("Het verslag zal na afloop aan de deelnemers worden gestuurd.", []),
        ("Het advies zal aan de Kamer moeten worden voorgelegd.", []),
        ("Het wetsvoorstel zou aan de Kamer worden voorgelegd.", []),
        ("De Kamer zal worden gevraagd om een reactie.", []),
        # an agent that is the writer's, a cause, or a means; an insertion between commas
        ("Het rapport zal door mijn ministerie voor de zomer aan uw Kamer worden toegezonden.",
         [("E.I. Schippers", "firm", "new")]),
        ("Door de vertraging zal de evaluatie pas na de zomer aan uw Kamer worden gezonden.",
         [("E.I. Schippers", "firm", "new")]),
        ("De evaluatie zal, samen met de reactie, voor de zomer aan uw Kamer worden gezonden.",
         [("E.I. Schippers", "firm", "new")]),
        # another clause's sending, or another's
        ("De gemeenten zullen hun plannen voor 1 juli bij de provincie indienen, waarna deze"
         " aan de Kamer worden gezonden.", []),
        ("Het rapport van de Europese Commissie zal in het voorjaar aan het parlement worden"
         " voorgelegd.", []),
    ],
)  # fmt: skip
def test_what_will_be_sent_to_the_kamer_in_the_passive(commitments, body, expected) -> None:
    assert commitments(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the writer's promise in a relative clause, with zal or a dated present verb; the
        # actor is the writer, not the body the main clause names
        ("Er komt een evaluatie, die ik in het najaar aan uw Kamer zal sturen.",
         [("E.I. Schippers", "firm", "new")]),
        ("Het RIVM voert een onderzoek uit, waarvan ik de resultaten na de zomer aan uw Kamer"
         " zal sturen.", [("E.I. Schippers", "firm", "new")]),
        ("Samen met de provincies werk ik aan een plan van aanpak, dat ik voor de zomer naar"
         " uw Kamer stuur.", [("E.I. Schippers", "firm", "new")]),
        # a relative clause of the past, negated, or undated in the present
        ("Er ligt een rapport dat ik vorig jaar aan uw Kamer heb gestuurd.", []),
        ("Het is een rapport dat ik niet zal publiceren.", []),
        ("Het gaat om een brief die ik de gemeenten stuur.", []),
        # a relative clause of "we" that foresees rather than promises
        ("De knelpunten die we de komende jaren zullen tegenkomen, zijn groot.", []),
        # the relative clause's own verb comes first; "zullen" is not the verb of "ik"
        ("De gesprekken die ik voer zullen in 2025 worden afgerond.", []),
    ],
)  # fmt: skip
def test_a_promise_in_a_relative_clause(commitments, body, expected) -> None:
    assert commitments(body) == expected
