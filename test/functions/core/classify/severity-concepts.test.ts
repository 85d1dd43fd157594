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
    ['en', 'Other customers have reported the same fault, the details are on your own forum.'],
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
