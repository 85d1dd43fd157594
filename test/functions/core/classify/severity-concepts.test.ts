/**
 * Severity on wording no labelled batch has used: one sentence per concept and language, written
 * for these tests (not taken from test/eval). They guard the concept lexicons and pairs in
 * severity-concepts.ts and the denial, dismissal and hearsay handling in severity.ts.
 */
import { describe, expect, it } from 'vitest';
import { classifyDetailed } from '#core/classify/index';

const classified = (language: string, body: string) => classifyDetailed('', body, language);

describe('urgent concepts in every language', () => {
  it.each([
    ['en', 'I could see another customer\'s name and address when I logged in to my account.'],
    ['en', 'The new phone you sold me still held someone else\'s photos and messages.'],
    ['en', 'Your tracking link shows the driver\'s other stops with names and addresses of other people.'],
    ['en', 'My son bit on a centimetre-long shard in the yoghurt and his gum bled.'],
    ['en', 'There has been a gas smell in the kitchen ever since the boiler service yesterday.'],
    ['en', 'A podcast episode about your shop\'s accessibility is planned for next week.'],
    ['en', 'When I opened the app I saw the order history and home address of a woman I have never met.'],
    ['en', 'The refurbished tablet still had the previous owner\'s emails and photos on it.'],
    ['en', 'My daughter came up in hives and her lips swelled after eating the cereal bar labelled nut free.'],
    ['en', 'The extension lead started smoking and the plug has scorch marks.'],
    ['en', 'I found a sliver of glass in my soup and cut the inside of my mouth.'],
    ['en', 'I am recording an episode of my podcast about your customer service next week.'],
    ['da', 'Min søn skar sig på kanten af dåsen, og fingeren blødte meget.'],
    ['da', 'Jeg kunne se en anden kundes navn og telefonnummer på min ordrebekræftelse.'],
    ['da', 'Der lugter af gas i køkkenet efter jeres montør var her.'],
    ['nb', 'Laderen smeltet og det kom røyk ut av stikkontakten.'],
    ['nb', 'Jeg fikk en faktura med en annen kundes navn og adresse.'],
    ['nb', 'Jeg skal ta opp saken i Forbrukerrådet.'],
    ['sv', 'Min dotter bet i en glasbit i yoghurten och det blödde från tandköttet.'],
    ['sv', 'Jag har anmält er till Konsumentverket och ARN.'],
    ['sv', 'Telefonen jag köpte som ny hade den förra ägarens bilder och meddelanden.'],
    ['de', 'Beim Öffnen der App sah ich Name und Adresse eines anderen Kunden.'],
    ['de', 'Der Stecker ist geschmolzen und es kam Rauch aus der Steckdose.'],
    ['de', 'Mein Sohn hat sich an der scharfen Kante die Hand geschnitten, sie blutete stark.'],
    ['de', 'Ich habe mich an die Schlichtungsstelle gewandt.'],
    ['et', 'Telefoni laadija sulas öösel ära ja pistikupesast tuli suitsu.'],
    ['et', 'Sain arve, millel oli teise kliendi nimi ja aadress.'],
    ['et', 'Mu poeg hammustas leivas olnud klaasikildu ja ige veritses.'],
    ['et', 'Pöördun Tarbijakaitse ja Tehnilise Järelevalve Ametisse.'],
    ['fi', 'Laturi suli ja pistorasiasta tuli savua.'],
    ['fi', 'Näin sovelluksessa toisen asiakkaan nimen ja osoitteen.'],
    ['fi', 'Poikani puri jogurtissa ollutta lasinsirua ja ikenestä vuoti verta.'],
    ['fi', 'Viemme asian kuluttajariitalautakuntaan.'],
    ['fi', 'Keittiössä haisee kaasulle huoltokäynnin jälkeen.'],
    ['en', 'My toddler put the magnet in his mouth and we spent the night at A&E.'],
    ['en', 'The charger got so hot it melted the plug.'],
    ['en', 'The e-bike battery is bulging and hissing.'],
    ['de', 'Das Ladekabel ist geschmolzen und hat Funken geschlagen.'],
    ['nb', 'Sønnen min fikk en glassbit i munnen fra syltetøyet og blødde.'],
    ['da', 'Jeg fik et stykke metal i munden fra müslibaren og knækkede en tand.'],
    ['sv', 'Min son fick en metallbit i munnen från müslin.'],
    ['fi', 'Tyttäreni sai suuhunsa metallinpalan murosta.'],
    ['et', 'Mu tütar sai suhu metallitüki helvestest.'],
    ['en', 'I\'ll be discussing this on my YouTube channel this week.'],
    ['de', 'Ich werde einen Beitrag über Ihre Firma auf meinem Blog schreiben.'],
    ['sv', 'Jag skriver ett inlägg om er i Facebookgruppen för föräldrar i kommunen.'],
    ['fi', 'Kirjoitan teistä jutun paikallislehteen.'],
    ['et', 'Kirjutan teie poest postituse Facebooki gruppi.'],
    ['da', 'Jeg har sendt sagen til Forbrugerklagenævnet.'],
    ['nb', 'Jeg har klaget saken inn for Forbrukertilsynet.'],
    ['en', 'I have filed a complaint with the data protection authority.'],
    ['fi', 'Teen valituksen tietosuojavaltuutetulle.'],
    ['et', 'Esitan kaebuse Andmekaitse Inspektsioonile.'],
    ['de', 'Ich habe Beschwerde bei der Datenschutzbehörde eingereicht.'],
    ['sv', 'Jag har anmält er till IMY.'],
    ['da', 'Sporingslinket viser chaufførens andre stop med navne og adresser på andre kunder.'],
    ['nb', 'Sporingslenken viser sjåførens andre stopp med navn og adresser til andre kunder.'],
    ['sv', 'Spårningslänken visar förarens andra stopp med namn och adresser till andra kunder.'],
    ['de', 'Der Tracking-Link zeigt die anderen Stopps des Fahrers mit Namen und Adressen anderer Kunden.'],
    ['et', 'Jälgimislink näitab kulleri teisi peatusi koos teiste klientide nimede ja aadressidega.'],
    ['fi', 'Seurantalinkki näyttää kuljettajan muut pysähdykset muiden asiakkaiden nimineen ja osoitteineen.'],
    ['da', 'Den "nye" telefon indeholdt stadig den tidligere ejers billeder og beskeder.'],
    ['de', 'Auf dem angeblich neuen Laptop waren noch Fotos und Nachrichten des Vorbesitzers.'],
    ['et', 'Uues telefonis olid eelmise omaniku pildid ja sõnumid.'],
    ['fi', 'Uudessa puhelimessa oli edellisen omistajan kuvat ja viestit.'],
    ['nb', 'Den nye mobilen hadde fortsatt bildene og meldingene til forrige eier.'],
    ['sv', 'Min son fick utslag och svullna läppar efter att ha ätit kakan som skulle vara nötfri.'],
    ['de', 'Meine Tochter bekam nach dem Müsliriegel einen Ausschlag und geschwollene Lippen.'],
    ['et', 'Mu tütar sai pärast küpsise söömist lööbe ja huuled läksid paiste.'],
    ['fi', 'Poikani sai keksistä ihottuman ja huulet turposivat.'],
    ['da', 'Min datter fik udslæt og hævede læber efter kiksen.'],
    ['nb', 'Datteren min fikk utslett og hovne lepper etter kjeksen.'],
    ['en', 'We will be talking about your shop on our local radio show on Friday.'],
    ['da', 'Jeg har kontaktet TV 2\'s forbrugerprogram om sagen.'],
    ['sv', 'Jag tänker berätta om det här i min podd nästa vecka.'],
    ['de', 'Ich werde das in meinem Podcast thematisieren.'],
    ['et', 'Räägin sellest oma taskuhäälingus.'],
    ['fi', 'Kerron tästä podcastissani ensi viikolla.'],
    ['nb', 'Jeg kommer til å skrive om dette på Trustpilot og i Facebook-gruppa vår.'],
    ['de', 'Ich werde eine Ein-Stern-Bewertung auf Google hinterlassen und im Forum davor warnen.'],
    ['fi', 'Kirjoitan tästä keskustelupalstalle ja annan yhden tähden arvion Googleen.'],
    ['et', 'Kirjutan sellest foorumisse ja annan Google\'is ühe tärni.'],
    ['sv', 'Laddaren blev glödhet och plasten smälte.'],
    ['da', 'Opladeren blev så varm, at plastikken smeltede omkring stikket.'],
    ['fi', 'Laturi kuumeni niin, että muovi suli pistokkeen ympäriltä.'],
    ['de', 'Nach dem Kundendienst riecht es in der Küche nach Gas.'],
    ['sv', 'Efter servicebesöket luktar det gas i köket.'],
    ['nb', 'Etter servicen lukter det gass på kjøkkenet.'],
    ['et', 'Pärast hooldust lõhnab köögis gaasi järele.'],
    ['da', 'Efter servicebesøget lugter der af gas i køkkenet.'],
    ['en', 'My son\'s arm was trapped in the folding mechanism and is badly bruised.'],
    ['de', 'Ich verklage Sie vor dem Amtsgericht.'],
    ['fi', 'Vien asian käräjäoikeuteen.'],
    ['et', 'Pöördun kohtusse, kui raha ei tagastata.'],
    ['sv', 'Jag går vidare till tingsrätten med ett småmål.'],
    ['en', 'I run a page with 12,000 people following it and I\'m about to hit publish.'],
    ['en', 'My son\'s gum bled after he bit on the shard.'],
  ])('%s: %s', (language, body) => {
    const result = classified(language, body);
    expect(result.language).toBe(language);
    expect(result.severity).toBe('urgent');
  });
});

describe('look-alikes that are not urgent', () => {
  it.each([
    ['en', 'The garlic press I bought broke after two uses, the handle snapped.'],
    ['en', 'My brother-in-law is a lawyer and says it is not worth it, so I just want my refund.'],
    ['en', 'Under GDPR I request access to all the personal data you hold about me.'],
    ['en', 'There is a scratch on the table top. It is not dangerous but it looks bad.'],
    ['en', 'My neighbour is a solicitor but I\'d rather not involve anyone, just refund the fee.'],
    ['en', 'I\'m not going to post about this online, I just want the right size.'],
    ['en', 'Please send me a copy of the personal data you hold on me under GDPR.'],
    ['en', 'The chocolate arrived melted because the van was hot.'],
    ['en', 'The parcel was delivered to someone else\'s address down the road.'],
    ['en', 'The leg of the table broke after two weeks.'],
    ['da', 'Min svoger er advokat, men det er ikke umagen værd, jeg vil bare have pengene.'],
    ['da', 'Hvidløgspressen gik i stykker efter en uge.'],
    ['nb', 'Pakken ble levert til feil adresse hos naboen.'],
    ['sv', 'Det är inte farligt men repan syns tydligt på bordet.'],
    ['de', 'Der Bilderrahmen ist gebrochen angekommen, bitte Ersatz.'],
    ['de', 'Mein Schwager ist Anwalt, aber das lohnt sich nicht, ich will nur mein Geld.'],
    ['et', 'See ei ole ohtlik, aga kriimustus on näha.'],
    ['fi', 'Naarmu ei ole vaarallinen, mutta näyttää pahalta.'],
    ['en', 'The metal teeth of the zip broke off after a week.'],
    ['en', 'The hand-cut crystal glasses arrived with a chip in one rim.'],
    ['en', 'My hands are sore from carrying the parcel up four flights because the driver refused.'],
    ['en', 'The desk fan makes a loud bang every time it starts.'],
    ['en', 'Luckily nobody\'s hand was hurt, but the drawer handle came off.'],
    ['en', 'Please send the invoice to my company address, not my home address.'],
    ['en', 'The charger stopped charging my phone after a month.'],
    ['en', 'Your driver delivered my neighbour\'s parcel to me, with her name on it; please collect it.'],
    ['en', 'I ordered Smoke Grey paint and got white.'],
    ['en', 'The screen has burn-in after six months.'],
    ['en', 'My wife is a journalist and she says I should just ask nicely, so: could you refund the fee?'],
    ['da', 'Lynlåsens tænder knækkede efter en uge.'],
    ['nb', 'Glidelåsen har mistet flere tenner, og den ene tanna knakk.'],
    ['sv', 'Blixtlåsets tänder lossnade och en tand bröts.'],
    ['de', 'Die Zähne des Reißverschlusses sind abgebrochen.'],
    ['et', 'Luku hambad murdusid nädalaga.'],
    ['fi', 'Vetoketjun hampaat katkesivat viikossa.'],
    ['de', 'Ich habe mich beim Auspacken nicht verletzt, aber der Karton war nass.'],
    ['fi', 'Lamppu paloi loppuun kahdessa viikossa.'],
    ['sv', 'Lampan brann ut efter två veckor.'],
    ['da', 'Pæren brændte over efter to uger.'],
    ['et', 'Pirn põles läbi kahe nädalaga.'],
    ['nb', 'Kjøkkenvifta bråker og lager en høy lyd.'],
    ['de', 'Meine Frau ist Anwältin, aber wir wollen das ohne Streit klären: bitte erstatten Sie die Gebühr.'],
    ['fi', 'En aio viedä asiaa oikeuteen, haluan vain vastauksen.'],
    ['et', 'Ma ei kavatse kohtusse minna, tahan lihtsalt vastust.'],
    ['sv', 'Jag tänker inte skriva om det på sociala medier, jag vill bara ha pengarna.'],
    ['de', 'Ich habe nicht vor, eine schlechte Bewertung zu schreiben, ich möchte nur mein Geld.'],
    ['da', 'Hvidløgspressen er gået i stykker.'],
    ['nb', 'Hvitløkspressa er ødelagt, og pressen må byttes.'],
    ['de', 'Die Knoblauchpresse ist zerbrochen, die Presse ist also unbrauchbar.'],
    ['en', 'I bought the cookbook after seeing it on TV, but pages are missing.'],
    ['fi', 'Näin mainoksenne televisiossa, mutta tuote oli eri väriä.'],
    ['sv', 'Jag såg er reklam på tv, men jackan var fel storlek.'],
    ['da', 'Jeg bestilte fire stole, men kun tre kom.'],
    ['nb', 'Vi er fire i familien og bestilte fire tallerkener.'],
    ['en', 'Please update my address in your system, I have moved.'],
    ['de', 'Bitte ändern Sie meine Adresse, ich bin umgezogen.'],
    ['fi', 'Muiden asiakkaiden kokemukset ovat samanlaisia, tiedot löytyvät netistä.'],
    ['de', 'Andere Kunden haben dasselbe Problem, die Details finden Sie in meiner Rechnung.'],
    ['sv', 'Andra kunder har samma problem, jag bifogar bilder på skadan.'],
    ['da', 'Andre kunder har haft samme problem, jeg vedhæfter billeder af skaden.'],
    ['nb', 'Andre kunder har hatt samme problem, jeg legger ved bilder av skaden.'],
    ['et', 'Teised kliendid on sama probleemi kirjeldanud, lisan pildid kahjustusest.'],
    ['en', 'I bought it as a gift for someone else, so please send the invoice to me, not the recipient.'],
    ['en', 'The previous owner of my flat still gets your catalogues; please remove the name.'],
    ['de', 'Ich habe das Paket für einen Bekannten bestellt, die Rechnung bitte an mich.'],
    ['en', 'My ex-husband still has access to the joint account, so please send letters to my new address only.'],
    ['en', 'I read a lovely article about your shop, which is why I ordered, but the mug is chipped.'],
    ['de', 'Ich habe einen Artikel über Ihre Firma gelesen und deshalb bestellt, aber die Tasse ist angeschlagen.'],
    ['en', 'The smoke alarm keeps beeping even with a new battery.'],
    ['da', 'Røgalarmen bipper selv med et nyt batteri.'],
    ['de', 'Der Rauchmelder piept trotz neuer Batterie.'],
    ['fi', 'Palovaroitin piippaa vaikka vaihdoin uuden pariston.'],
    ['en', 'Following your advice I returned it online, but no refund yet.'],
    ['en', 'You published the wrong opening hours online.'],
    ['en', 'The colours bled in the wash and ruined my son\'s white shirts.'],
    ['en', 'The bananas arrived bruised and my daughter wouldn\'t eat them.'],
    ['en', 'My paediatrician recommended this pram, but the wheel is loose.'],
    ['da', 'Vægbeslaget til tv var bøjet, da det kom.'],
    ['sv', 'Väggfästet till tv:n saknade skruvar.'],
    ['sv', 'Ni är en stjärna som hjälpte mig, men fakturan är fel.'],
    ['de', 'Der Bereitschaftsdienst des Technikers ist nicht gekommen.'],
    ['et', 'Avaldan lootust, et saate selle kiiresti korda.'],
    ['fi', 'Julkaisitte väärän hinnan verkkosivuilla.'],
  ])('%s: %s', (language, body) => {
    expect(classified(language, body).severity).not.toBe('urgent');
  });
});

describe('why it is urgent', () => {
  it('names the concept pair that decided', () => {
    const result = classified('en', "The new phone you sold me still held someone else's photos and messages.");
    expect(result.urgentKinds).toContain('data');
    expect(result.signals.some((signal) => signal.includes('otherPerson + personalData'))).toBe(true);
  });

  it('a relative who is a lawyer is hearsay, unless an offer or condition follows', () => {
    expect(classified('en', 'My brother is a lawyer and thinks you should simply answer me.').severity).not.toBe('urgent');
    expect(classified('en', 'My brother is a lawyer and has offered to take this on if I hear nothing by Friday.').severity).toBe('urgent');
  });

  it('a denial does not reach into the next sentence', () => {
    expect(classified('fi', 'Sisäänkäynnin edessä ei ollut hiekkaa. Ranne murtui, kun liukastuin.').severity).toBe('urgent');
    expect(classified('en', 'It is not dangerous, but the scratch is ugly.').severity).not.toBe('urgent');
  });

  it('a dismissal calls off a threat in the same sentence only', () => {
    expect(classified('da', 'Min mand synes, jeg skal true med en advokat, men det gider jeg ikke.').severity).not.toBe('urgent');
    expect(classified('da', 'Jeg kontakter en advokat i morgen. Det er ikke umagen værd at skrive mere til jer.').severity).toBe('urgent');
  });
});

describe('indirect threats and hazards (round 2): debt collection, whoever decides, legal cover, rent boards, a reporter or group, warning other parents, sick pets, toppling furniture, failed brakes, fumes, swallowing', () => {
  it.each([
    ['en', 'You passed an invoice I had already paid to a debt collection agency and now they are chasing me for fees on top.'],
    ['da', 'I har sendt en faktura, jeg allerede har betalt, til inkasso, og nu kræver de gebyrer af mig.'],
    ['nb', 'Dere har sendt en faktura jeg allerede har betalt til inkasso, og nå krever de gebyrer av meg.'],
    ['sv', 'Ni har skickat en faktura som jag redan betalat till inkasso och nu kräver de avgifter av mig.'],
    ['de', 'Sie haben eine bereits bezahlte Rechnung an ein Inkassobüro gegeben, und jetzt verlangt man Gebühren von mir.'],
    ['et', 'Saatsite juba makstud arve inkassofirmale ja nüüd nõuavad nad minult lisatasusid.'],
    ['fi', 'Lähetitte jo maksetun laskun perintätoimistolle ja nyt he vaativat minulta kuluja.'],
    ['en', 'I have kept every email and photo, so whoever ends up deciding this will see exactly what happened.'],
    ['da', 'Jeg har gemt alle mails og billeder, så den der ender med at afgøre sagen kan se præcis hvad der skete.'],
    ['nb', 'Jeg har tatt vare på alle e-poster og bilder, så den som til slutt skal avgjøre saken ser nøyaktig hva som skjedde.'],
    ['sv', 'Jag har sparat alla mejl och bilder, så den som till slut ska avgöra ärendet ser exakt vad som hände.'],
    ['de', 'Ich habe alle Mails und Fotos aufbewahrt, damit derjenige, der am Ende darüber entscheidet, genau sieht, was passiert ist.'],
    ['et', 'Olen kõik kirjad ja pildid alles hoidnud, et see, kes lõpuks selle üle otsustab, näeks täpselt, mis juhtus.'],
    ['fi', 'Olen säilyttänyt kaikki viestit ja kuvat, jotta se, joka lopulta asiasta päättää, näkee tarkalleen mitä tapahtui.'],
    ['en', 'My home insurance includes legal cover and I have already phoned their helpline about this.'],
    ['da', 'Min indboforsikring har retshjælp, og jeg har allerede ringet til dem om sagen.'],
    ['nb', 'Innboforsikringen min dekker rettshjelp, og jeg har allerede ringt dem om saken.'],
    ['sv', 'Min hemförsäkring har rättsskydd och jag har redan ringt dem om det här.'],
    ['de', 'Ich habe eine Rechtsschutzversicherung und habe den Fall dort bereits gemeldet.'],
    ['et', 'Minu kodukindlustus katab õigusabi ja olen neile juba sellest helistanud.'],
    ['fi', 'Kotivakuutukseni sisältää oikeusturvan ja olen jo soittanut heille asiasta.'],
    ['en', 'I have started a claim with the Housing Ombudsman and the tenancy tribunal about the repairs.'],
    ['da', 'Jeg har klaget til Huslejenævnet over manglende reparationer.'],
    ['nb', 'Jeg har klaget saken inn for Husleietvistutvalget.'],
    ['sv', 'Jag har anmält det till Hyresnämnden.'],
    ['de', 'Ich habe mich an die Schlichtungsstelle für Mietsachen gewandt.'],
    ['et', 'Pöördusin üürikomisjoni poole.'],
    ['fi', 'Olen vienyt asian vuokralautakuntaan ja kuluttajariitalautakuntaan.'],
    ['en', 'A producer at a local radio station has asked if I\'d talk about this on air next week.'],
    ['en', 'Someone from the Evening Post got in touch after my neighbour mentioned it and wants my side of the story.'],
    ['da', 'En journalist fra TV 2 har spurgt, om de må bruge min historie.'],
    ['nb', 'En journalist i lokalavisa vil gjerne skrive om det som skjedde.'],
    ['sv', 'En reporter på lokalradion vill göra ett inslag om det här.'],
    ['de', 'Eine Redakteurin vom Lokalradio möchte meine Geschichte bringen.'],
    ['et', 'Kohaliku raadio ajakirjanik tahab minu lugu kajastada.'],
    ['fi', 'Paikallisradion toimittaja haluaisi tehdä jutun tapauksesta.'],
    ['en', 'I\'ve written it up for our neighbourhood Facebook group so other families know what to expect.'],
    ['en', 'I will be warning the other parents at my son\'s school about this car seat.'],
    ['da', 'Jeg har tænkt mig at advare de andre forældre i børnehaven.'],
    ['nb', 'Jeg kommer til å advare de andre foreldrene i barnehagen.'],
    ['sv', 'Jag tänker varna de andra föräldrarna på förskolan.'],
    ['de', 'Ich werde die anderen Eltern in der Kita warnen.'],
    ['et', 'Kavatsen lasteaias teisi vanemaid hoiatada.'],
    ['fi', 'Aion varoittaa päiväkodin muita vanhempia.'],
    ['da', 'Jeg har skrevet om det i vores lokale Facebookgruppe for kvarteret.'],
    ['sv', 'Jag har lagt upp det i kvarterets Facebookgrupp.'],
    ['de', 'Ich habe den Fall in unserer Nachbarschaftsgruppe auf nebenan.de geschildert.'],
    ['fi', 'Kirjoitin asiasta asuinalueemme Facebook-ryhmään.'],
    ['et', 'Kirjutasin sellest meie piirkonna Facebooki grupis.'],
    ['nb', 'Jeg har lagt det ut i nabolagsgruppa på Facebook.'],
    ['en', 'Since we switched to your dog food our spaniel has been sick four times and won\'t eat.'],
    ['da', 'Efter vi skiftede til jeres kattefoder, har katten kastet op hver dag og er helt sløv.'],
    ['nb', 'Etter at vi begynte med hundeforet deres, har hunden kastet opp og fått diaré.'],
    ['sv', 'Sedan vi bytte till ert kattfoder har katten kräkts varje dag och vill inte äta.'],
    ['de', 'Seit wir Ihr Hundefutter füttern, erbricht sich unser Hund ständig und hat Durchfall.'],
    ['et', 'Pärast teie koeratoidule üleminekut on koer mitu korda oksendanud ja ei söö.'],
    ['fi', 'Vaihdoimme teidän kissanruokaanne, ja nyt kissa oksentaa joka päivä eikä syö.'],
    ['en', 'The bookcase tipped forward when my daughter opened the bottom drawer and only just missed her.'],
    ['en', 'The chair collapsed under my father while he was sitting at the table.'],
    ['da', 'Reolen væltede forover, da min datter trak i den nederste skuffe.'],
    ['nb', 'Stolen kollapset under faren min mens han satt ved bordet, og vi ble veldig redde.'],
    ['sv', 'Bokhyllan välte framåt när min dotter öppnade den nedersta lådan.'],
    ['de', 'Der Stuhl ist unter meinem Vater zusammengebrochen, als er am Tisch saß.'],
    ['et', 'Riiul kukkus ettepoole, kui mu tütar alumist sahtlit avas.'],
    ['fi', 'Tuoli romahti isäni alla, kun hän istui pöydän ääressä.'],
    ['en', 'Two days after your garage fitted new pads the brakes stopped working properly on the motorway.'],
    ['en', 'The front wheel came loose on the way home from your bike service.'],
    ['da', 'To dage efter jeres service holdt bremserne op med at virke ordentligt.'],
    ['nb', 'Forhjulet løsnet på vei hjem fra sykkelservicen hos dere.'],
    ['sv', 'Två dagar efter er service slutade bromsarna fungera ordentligt.'],
    ['de', 'Zwei Tage nach der Inspektion haben die Bremsen auf der Autobahn fast versagt.'],
    ['et', 'Kaks päeva pärast teie hooldust lakkasid pidurid korralikult töötamast.'],
    ['fi', 'Kaksi päivää huollon jälkeen jarrut lakkasivat toimimasta kunnolla.'],
    ['en', 'The new mattress gives off a strong chemical smell and my son\'s eyes are streaming.'],
    ['da', 'Den nye madras lugter kraftigt af kemikalier, og vores søn har fået kløe i øjnene.'],
    ['nb', 'Den nye madrassen lukter sterkt av kjemikalier, og sønnen vår har fått svie i øynene.'],
    ['sv', 'Den nya madrassen luktar starkt av kemikalier och vår son har fått sveda i ögonen.'],
    ['de', 'Die neue Matratze riecht stark nach Chemie und unser Sohn hat tränende Augen.'],
    ['et', 'Uus madrats lõhnab tugevalt kemikaalide järele ja pojal kipitavad silmad.'],
    ['fi', 'Uusi patja haisee voimakkaasti kemikaaleilta ja poikani silmiä kirvelee.'],
    ['en', 'My toddler swallowed one of the small magnets from the set.'],
    ['da', 'Vores søn på to år slugte en af de små batterier fra legetøjet.'],
    ['nb', 'Datteren vår på to år svelget en av de små magnetene.'],
    ['sv', 'Vår tvååring svalde en av de små magneterna.'],
    ['de', 'Unser Kleinkind hat einen der kleinen Magnete verschluckt.'],
    ['et', 'Meie kaheaastane neelas ühe väikese magneti alla.'],
    ['fi', 'Kaksivuotiaamme nieli yhden pienistä magneeteista.'],
  ])('%s: %s', (language, body) => {
    const result = classified(language, body);
    expect(result.language).toBe(language);
    expect(result.severity).toBe('urgent');
  });
});

describe('round 2 look-alikes: the same words without the threat or hazard', () => {
  it.each([
    ['en', 'Shocking service, honestly, it burns me up every time I ring.'],
    ['en', 'The sauce was fire but the delivery was 40 minutes late.'],
    ['en', 'I\'ll tell my friends to order somewhere else next time.'],
    ['en', 'I saw your advert on Facebook and ordered the lamp, but it is the wrong colour.'],
    ['da', 'Jeg så jeres reklame på Instagram, men varen er ikke som på billedet.'],
    ['sv', 'Jag hittade er via en tråd på Reddit, men paketet har inte kommit.'],
    ['de', 'Ich folge Ihnen auf Instagram, aber die Bestellung ist immer noch nicht da.'],
    ['en', 'The table was a bit wobbly so I tightened the screws myself, just letting you know the instructions are unclear.'],
    ['de', 'Die Lieferung hat leider nicht geklappt, der Fahrer war nicht da.'],
    ['sv', 'Bromsarna på cykeln gnisslar lite, kan ni justera dem vid nästa service?'],
    ['en', 'I\'m sick of waiting, my dog food order is two weeks late.'],
    ['en', 'Can you share the tracking link? I ordered after seeing you on Instagram.'],
    ['en', 'I\'m following up on my order, which I placed through your Instagram shop.'],
    ['en', 'Other customers warned me that delivery takes long, and they were right.'],
    ['en', 'Let me know whether other customers have had the same issue with the kettle.'],
    ['en', 'My wife ordered the chair, so the invoice is in her name; her invoice shows the wrong amount.'],
    ['en', 'The vase fell onto the table when the courier dropped the parcel.'],
    ['en', 'My dog was ill last week so I missed the delivery slot.'],
    ['en', 'The ill-fitting dog collar rubs and the buckle is cheap.'],
    ['en', 'Our vet recommended this food but the bag arrived torn.'],
    ['en', 'The brake light on the bike I bought is not working.'],
    ['en', 'The price of the wardrobe came down two days after I bought it, please refund the difference.'],
    ['en', 'I had to swallow the cost of the return postage, which my son thought was unfair.'],
    ['en', 'The gas bill you sent is wrong, I was charged twice.'],
    ['en', 'The candle smells lovely but it arrived broken.'],
    ['da', 'Jeres kasse var kollapset, og reolen havde en ridse.'],
    ['da', 'Kan I dele linket til sporingen? Jeg fandt jer på Instagram.'],
    ['nb', 'Hunden vår var syk, så jeg fikk ikke hentet pakken.'],
    ['sv', 'Lådan hade rasat ihop och bokhyllan var repad.'],
    ['de', 'Können Sie den Link teilen? Ich habe über Instagram bestellt.'],
    ['de', 'Der Karton war eingedrückt und das Regal hatte einen Kratzer.'],
    ['fi', 'Lasi putosi pöydältä, kun avasin paketin, mutta se ei ollut teidän vikanne.'],
    ['et', 'Kast oli kokku vajunud ja riiul kriimustatud.'],
    ['sv', 'Jag följer er på Instagram och vill bara veta när paketet kommer.'],
    ['de', 'Meine Frau hat bestellt, die Rechnung läuft auf ihren Namen, seine Adresse stimmt nicht.'],
  ])('%s: %s', (language, body) => {
    expect(classified(language, body).severity).not.toBe('urgent');
  });
});

describe('card numbers on the wrong letter and accounts taken over (round 2)', () => {
  it.each([
    ['en', 'The letter you sent to my neighbour had my full card number printed on it.'],
    ['en', 'Someone has taken over my account, changed the email and placed two orders with my saved card.'],
    ['en', 'My account was hacked and I can see orders I never made going to an address in Birmingham.'],
    ['da', 'Brevet, I sendte til min nabo, havde hele mit kortnummer trykt på.'],
    ['da', 'Nogen har overtaget min konto, ændret mailen og bestilt varer med mit gemte kort.'],
    ['nb', 'Noen har tatt over kontoen min, endret e-posten og bestilt varer med det lagrede kortet mitt.'],
    ['nb', 'Brevet dere sendte til naboen hadde hele kortnummeret mitt på.'],
    ['sv', 'Någon har tagit över mitt konto, ändrat mejladressen och beställt saker med mitt sparade kort.'],
    ['sv', 'Mitt kortnummer stod på en faktura som skickades till en annan kund.'],
    ['de', 'Jemand hat mein Kundenkonto übernommen, die E-Mail geändert und mit meiner hinterlegten Karte bestellt.'],
    ['de', 'Meine vollständige Kartennummer stand auf der Rechnung eines anderen Kunden.'],
    ['et', 'Keegi on minu konto üle võtnud, muutnud e-posti ja tellinud minu salvestatud kaardiga.'],
    ['et', 'Minu kaardinumber oli trükitud teisele kliendile saadetud arvele.'],
    ['fi', 'Joku on kaapannut tilini, vaihtanut sähköpostin ja tilannut tallennetulla kortillani.'],
    ['fi', 'Korttini numero oli painettu toiselle asiakkaalle lähetettyyn laskuun.'],
  ])('%s: %s', (language, body) => {
    const result = classified(language, body);
    expect(result.language).toBe(language);
    expect(result.severity).toBe('urgent');
  });

  it.each([
    ['en', 'I can\'t log in to my account, the password reset email never arrives.'],
    ['de', 'Ich komme nicht in mein Kundenkonto, das Passwort wird nicht akzeptiert.'],
    ['sv', 'Jag har bytt kort, kan ni uppdatera kortnumret på mitt konto?'],
  ])('not urgent: %s: %s', (language, body) => {
    expect(classified(language, body).severity).not.toBe('urgent');
  });
});

describe('shocks, pests in food, insurers and copies to authorities (round 2)', () => {
  it.each([
    ['en', 'When I touched the metal casing of the washing machine I got a tingle up my arm.'],
    ['en', 'The heater got so hot that the wall behind it is scorched.'],
    ['en', 'We found mouse droppings in the bag of flour we bought from you.'],
    ['en', 'My daughter, who has a nut allergy, ate the biscuits and we had to use her EpiPen.'],
    ['en', 'I\'ve asked my bank to raise a claim and I\'m keeping everything for the small claims track.'],
    ['en', 'My insurer\'s claims team will be in touch with you about the water damage your fitter caused.'],
    ['en', 'I have sent a copy of this email to the Advertising Standards Authority.'],
    ['en', 'A friend who works at the local paper thinks readers would be very interested.'],
    ['en', 'I\'ve put a review together with photos and it goes live on Friday unless I hear back.'],
    ['de', 'Beim Berühren des Gehäuses habe ich einen Stromschlag bekommen.'],
    ['da', 'Jeg fik stød, da jeg rørte ved vaskemaskinens låg.'],
    ['sv', 'Jag fick en stöt när jag rörde vid diskmaskinens lucka.'],
    ['nb', 'Jeg fikk støt da jeg tok på vaskemaskinen.'],
    ['fi', 'Sain sähköiskun, kun koskin pesukoneen kylkeen.'],
    ['et', 'Sain elektrilöögi, kui puudutasin pesumasina kesta.'],
    ['da', 'Vi fandt museekskrementer i melposen.'],
    ['sv', 'Vi hittade musspillning i mjölpåsen.'],
    ['de', 'Wir haben Mäusekot in der Mehltüte gefunden.'],
    ['fi', 'Löysimme jauhopussista hiiren papanoita.'],
    ['et', 'Leidsime jahupakist hiire väljaheiteid.'],
    ['nb', 'Vi fant museskitt i melposen.'],
    ['de', 'Meine Rechtsschutzversicherung prüft den Fall bereits.'],
    ['sv', 'Jag har skickat en kopia av mejlet till Konsumentverket.'],
    ['fi', 'Lähetin kopion tästä viestistä Kuluttajaneuvontaan.'],
    ['et', 'Saatsin selle kirja koopia Tarbijakaitseametile.'],
    ['nb', 'Jeg har sendt en kopi av e-posten til Forbrukerrådet.'],
    ['da', 'Jeg har sendt en kopi af mailen til Forbrugerrådet Tænk.'],
    ['de', 'Ich habe eine Kopie dieser Mail an die Verbraucherzentrale geschickt.'],
  ])('%s: %s', (language, body) => {
    const result = classified(language, body);
    expect(result.language).toBe(language);
    expect(result.severity).toBe('urgent');
  });

  it.each([
    ['en', 'I got a shock when I saw the bill, it is twice what you quoted.'],
    ['en', 'The price gave me a shock but the sofa itself is lovely; the cushion seam is split though.'],
    ['en', 'Your claims team has not replied about my warranty claim for the kettle.'],
    ['de', 'Meine Versicherung braucht eine Rechnung für das Handy, bitte schicken Sie eine Kopie.'],
    ['en', 'The website will go live with the new prices next week, so please honour the old one.'],
  ])('not urgent: %s: %s', (language, body) => {
    expect(classified(language, body).severity).not.toBe('urgent');
  });
});

describe('allergies and coeliac disease, sector regulators and data authorities (round 2)', () => {
  it.each([
    ['en', 'The label says nut free but the ingredients list on your website says may contain peanuts; my son is severely allergic.'],
    ['en', 'My daughter is coeliac and was ill all night after eating your gluten-free bread.'],
    ['en', 'There is milk in this \'vegan\' cheese according to the small print, and my partner has a milk allergy.'],
    ['da', 'Min søn har cøliaki og var syg hele natten efter jeres glutenfri brød.'],
    ['nb', 'Datteren min har cøliaki og var dårlig hele natten etter det glutenfrie brødet deres.'],
    ['sv', 'Min dotter har celiaki och mådde dåligt hela natten efter ert glutenfria bröd.'],
    ['de', 'Meine Tochter hat Zöliakie und hatte nach Ihrem glutenfreien Brot die ganze Nacht Bauchkrämpfe.'],
    ['et', 'Mu tütrel on tsöliaakia ja ta oli pärast teie gluteenivaba leiba terve öö haige.'],
    ['fi', 'Tyttärelläni on keliakia ja hän oli koko yön kipeänä gluteenittoman leipänne jälkeen.'],
    ['en', 'I will be raising this with Ofcom if the line is not fixed this week.'],
    ['en', 'I have complained to the energy regulator about the back-billing.'],
    ['da', 'Jeg har klaget til Energistyrelsen og Teleankenævnet.'],
    ['nb', 'Jeg har klaget til Nkom om dette.'],
    ['sv', 'Jag har anmält det här till PTS.'],
    ['de', 'Ich habe mich bei der Bundesnetzagentur beschwert.'],
    ['fi', 'Olen tehnyt asiasta valituksen Traficomille.'],
    ['et', 'Esitasin kaebuse Tarbijakaitse ja Tehnilise Järelevalve Ametile.'],
    ['en', 'I\'ve reported the leak of my details to the ICO.'],
    ['de', 'Ich habe den Vorfall dem Landesdatenschutzbeauftragten gemeldet.'],
    ['sv', 'Jag har anmält er till IMY.'],
    ['fi', 'Tein ilmoituksen tietosuojavaltuutetulle.'],
  ])('%s: %s', (language, body) => {
    const result = classified(language, body);
    expect(result.language).toBe(language);
    expect(result.severity).toBe('urgent');
  });

  it.each([
    ['en', 'I\'m allergic to wool so I ordered the cotton jumper, but you sent the wool one. Please swap it.'],
    ['en', 'The voltage regulator in the charger you sold me is faulty; it no longer charges.'],
    ['en', 'My son has a nut allergy, so could you tell me which of your cakes contain nuts before I reorder?'],
    ['de', 'Ich bin gegen Wolle allergisch und habe deshalb Baumwolle bestellt, bekommen habe ich Wolle.'],
  ])('not urgent: %s: %s', (language, body) => {
    expect(classified(language, body).severity).not.toBe('urgent');
  });
});

describe('round 4: bodies named by what they do, and the harmless senses of urgent words', () => {
  it.each([
    ['en', 'I have passed the whole file to the body that oversees estate agents.'],
    ['da', 'Jeg har sendt klagen til dem, der fører tilsyn med elinstallatører.'],
    ['nb', 'Jeg har sendt saken til dem som behandler klager på flyselskaper.'],
    ['sv', 'Jag har skickat ärendet till myndigheten som utövar tillsyn över elbolagen.'],
    ['de', 'Ich habe die Unterlagen an die Stelle geschickt, die die Aufsicht über Versicherer hat.'],
    ['et', 'Saatsin kaebuse asutusele, kes teeb järelevalvet lennufirmade üle.'],
    ['fi', 'Lähetin asian viranomaiselle, joka valvoo sähköyhtiöitä.'],
    ['en', 'Under article 15 I want a copy of what you hold on me, because your app showed me another customer\'s name and address.'],
    ['fi', 'Kirjoitin asiasta mielipidekirjoituksen, ja paikallislehti aikoo ottaa sen mukaan.'],
    ['et', 'Kirjutasin juhtunust arvamusloo ja see ilmub järgmisel nädalal.'],
  ])('urgent: %s: %s', (language, body) => {
    const result = classified(language, body);
    expect(result.language).toBe(language);
    expect(result.severity).toBe('urgent');
  });

  it.each([
    ['en', 'I would rather not make a big thing of it or end up in court over a few pounds, just refund the fee.'],
    ['en', 'I don\'t want to take this any further or go to court, I only want the missing button.'],
    ['en', 'I had read in the press that you are moving warehouses, which may explain the late parcel.'],
    ['en', 'I booked a check-up with your dentist and waited fifty minutes past my appointment.'],
    ['da', 'Jeg læste i avisen, at I har fået nyt system, så måske er det derfor, min ordre er forsinket.'],
    ['da', 'Jeg har en gammel skade i ryggen fra en ulykke for mange år siden, så det var hårdt at stå i kø.'],
    ['nb', 'Jeg ber om innsyn i hvilke personopplysninger dere har om meg, jf. personvernforordningen.'],
    ['sv', 'Jag begär ett registerutdrag över mina personuppgifter enligt artikel 15 i GDPR.'],
    ['sv', 'Min tid hos tandläkaren på er klinik flyttades utan att någon ringde.'],
    ['de', 'Seit einem Skiunfall vor vier Jahren kann ich nicht lange stehen, und es gab keinen Stuhl.'],
    ['de', 'In der Zeitung habe ich gelesen, dass Sie umziehen; vielleicht kam die Lieferung deshalb zu spät.'],
    ['et', 'Meie koer ei söö uut toitu, kas retsepti on muudetud?'],
    ['fi', 'Olen lukenut lehdestä, että vaihdoitte varastoa, siksi kai toimitus viivästyi.'],
    ['fi', 'Toimituksesta puuttui kaksi ruuvipussia, lähetättekö ne?'],
    ['en', 'Under Article 15 of the GDPR please send me a copy of the personal data you hold about me, including call recordings and who it was shared with.'],
    ['de', 'Bitte erteilen Sie mir Auskunft nach Artikel 15 DSGVO, welche Daten Sie über mich gespeichert haben.'],
    ['en', 'The staff at your food court stand were rude to my daughter and her friend.'],
    ['en', 'Could you review my last bill? I sent the signed form back by post a week ago.'],
    ['en', 'If the money is not back by Friday I will ask my bank for a chargeback.'],
    ['de', 'Ich habe meinen Kollegen davon erzählt, die waren auch enttäuscht.'],
    ['fi', 'Kerroin asiasta työkavereilleni ja ystävilleni, he olivat yhtä ihmeissään.'],
  ])('not urgent: %s: %s', (language, body) => {
    expect(classified(language, body).severity).not.toBe('urgent');
  });
});
