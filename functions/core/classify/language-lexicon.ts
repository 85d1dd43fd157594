/**
 * Words that point at one language (or a pair) among the seven we detect. The character n-grams
 * decide the language family; these words decide between close neighbours, above all Danish
 * against Norwegian Bokmål, which share most of their vocabulary and differ in spelling:
 * af/av, mig/meg, hvad/hva, nu/nå, fik/fikk, købte/kjøpte, efter/etter, tak/takk, hej/hei,
 * blev/ble, havde/hadde, tilbage/tilbake, uge/uke, fejl/feil, jer/dere, noget/noe, igen/igjen.
 *
 * "strong" words are (nearly) only written in that language among the seven; "weak" ones are
 * shared with a neighbour or are also an ordinary word elsewhere. Written from grammar and
 * spelling rules, not from the evaluation set.
 */
export interface LexiconEntry {
  strong: string;
  weak: string;
}

export const LEXICON: Record<string, LexiconEntry> = {
  en: {
    strong:
      'the and is was have has with this that your would been please received which there their they were are didn\'t don\'t can\'t won\'t isn\'t wasn\'t haven\'t it\'s i\'m i\'ve i\'ll still never what when why how just only could should about after again because from into would any been being our ours thanks regards hello dear yours sincerely',
    weak: 'it of my me you we he she but not no yes all get got one two will',
  },
  da: {
    strong:
      'af hvad hvornår havde blev inden nåede jeres jer tilbage uge uger ugen dage dagen fejl forkert modtaget modtog modtage venlig venligst desværre tak noget nogen nogle måske gerne endnu lidt købte købt køber købe vores mit dit sit sådan sagde sige siger spørge spørgsmål hjælp hjælpe tjekke leveret mand manden ind ud ude uden mellem end gennem gælder aften butik kæreste kære vej nej hej øjeblik tøj høj ejer lejlighed købet stadigvæk desuden sker skete chauffør chaufføren tage taget bruge brugt bruger vide ved gøre vand giver give fået igen gange sidste sidst anden andet ske maj stod nyt hvide lukket åben åbent købmand spurgte tabt tabte bog bøger mad',
    weak: 'jeg ikke det har til og på er med for men også være var skal vil kan min mine din sine hvis hvor hvordan når nu mig dig sig efter bare kun meget mange nogen så fordi om et en den der som alle ingen pakke pakken pengene penge kunde kundeservice ordre bestilling venlig hilsen mvh i hjemmeside hvorfor kunne godt nok få sendt',
  },
  nb: {
    strong:
      'av hva hadde ble innen nådde dere deres tilbake uke uker uken dager dagen feil mottatt mottok motta vennlig vennligst dessverre takk noe noen kanskje gjerne ennå enda litt kjøpte kjøpt kjøper kjøpe vårt våre mitt ditt sitt sånn slik sa si sier spørre spørsmål hjelp hjelpe sjekke levert mann mannen inn ute uten mellom enn gjennom gjelder kveld nettside nettsiden nettbutikk butikk kjære vei nei hei øyeblikk tøy høy eier leilighet fikk etter meg deg seg nå skjer skjedde sjåfør sjåføren ta tatt bruke brukt bruker vite vet gjøre vann gir gi fått igjen ganger penger e-post epost mye veldig ikkje ut siste sist fiks fikse annen annet skje mai sto nytt hvite stengt åpen åpent spurte mistet bok bøker mat',
    weak: 'jeg ikke det har til og på er med for men også være var skal vil kan min mine din sine hvis hvor hvordan når bare kun mange så fordi om et en den der som alle ingen pakke pakken pengene kunde kundeservice ordre bestilling hilsen mvh i hvorfor kunne godt nok få sendt',
  },
  sv: {
    strong:
      'och inte jag är att ett för vad hur varför när ni er era ert tack hälsningar beställning beställde leverans paketet pengarna köpte köpt fick också blev skulle inga inget någon något några många mycket dagar vecka veckor veckan sedan fortfarande redan igen aldrig alltid gång gånger kundtjänst svarat måste mina dina sina utan mellan än genom ändå tyvärr vänliga vänlig hälsning behöver vill varit hade även också själv bara fel belopp fakturan beloppet snälla vänligen paket beställningen leveransen pengar återbetalning kundservice',
    weak: 'det har till på är med men som om så den der min din mig dig sig nu av en alla vara kan mitt hej efter',
  },
  de: {
    strong:
      'und nicht ich ist das die der mit habe hat mein meine meinen meiner sie ihr ihre ihnen bitte wurde wurden leider für auf eine einen einem einer ist sind war waren noch schon aber auch wie warum wann bei nach von zum zur dass sehr keine kein geld bestellung lieferung paket rechnung grüße freundlichen mfg hallo sehr geehrte geehrter damen herren vielen dank immer wieder jetzt heute gestern worden können kann muss soll möchte wäre hätte',
    weak: 'in an so da er es was wir man',
  },
  et: {
    strong:
      'ma mu mul minu mind mulle teie teile teid seda selle kui aga siis palun tere tänan aitäh lugupidamisega tervitades parimat pole veel juba mitte ikka kuid nagu ning ehk sest või kas kus miks millal oleme olete olid tellimus tellimuse tellisin pakk paki kuller raha arve arvel hind kaup toode tõesti kõik mitu korda nädalat päeva eile täna homme väga kohale jälle vale aadress katki tagasi kohe ikkagi tänu vabandust kahjuks ootan ootasin saatsin maksin sõnum kiri',
    weak: 'ja et ka on ei ole oli oma te sain see olen saada',
  },
  fi: {
    strong:
      'minä minun minulle minua olen olemme olette ovat että mutta kun tämä tämän tätä olisi kiitos hei terveisin ystävällisin tilaus tilauksen tilasin paketti paketin lasku laskun rahat rahaa vielä myös kanssa emme eivät mitään jotain koska miksi milloin missä mikä joka jos vain aivan todella nyt heti päivää viikkoa kertaa asiakaspalvelu taas väärä väärään osoite rikki takaisin valitettavasti odotan odotin lähetin maksoin viesti',
    weak: 'ja on ei ole oli se ne jo te sain olen saada',
  },
};

/**
 * Spelling patterns inside words, for vocabulary the lists above miss: Danish against Norwegian,
 * and Finnish case endings with front vowels (-ssä, -stä, -llä, -ltä, -ää), which Estonian lacks.
 */
export const DA_NB_PATTERNS: ReadonlyArray<{ language: 'da' | 'nb' | 'fi'; pattern: RegExp; what: string }> = [
  { language: 'fi', pattern: /\p{L}{2,}(?:ssä|stä|llä|ltä|ään|ksi)$/u, what: '-ssä/-stä/-llä' },
  { language: 'da', pattern: /\p{L}{3,}tion(?:en|er|erne)?$/u, what: '-tion' },
  { language: 'nb', pattern: /\p{L}{3,}sjon(?:en|er|ene)?$/u, what: '-sjon' },
  { language: 'da', pattern: /\p{L}{3,}hed(?:en|er|erne)?$/u, what: '-hed' },
  { language: 'nb', pattern: /\p{L}{3,}het(?:en|er|ene)?$/u, what: '-het' },
  { language: 'nb', pattern: /^(?:kj|skj|gj)\p{L}{2,}$/u, what: 'kj/skj/gj-' },
  { language: 'nb', pattern: /øy/u, what: 'øy' },
  { language: 'nb', pattern: /opp(?:lys|dat|dag|lev|sig|gav|føl|rett|hold|ført|tatt|start|ring)/u, what: 'opp-' },
  { language: 'da', pattern: /(?:^|[^p])op(?:lys|dat|dag|lev|sig|gav|føl|ret|hold|ført|taget|start|ring)/u, what: 'op-' },
  { language: 'da', pattern: /(?:øj|æj)/u, what: 'øj' },
];
