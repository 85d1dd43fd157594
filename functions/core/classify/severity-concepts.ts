/**
 * Concepts for severity, per language, in the cue syntax of cues.ts separated by "|", and the
 * pairs of concepts that make a complaint urgent when they occur close together. A pair says
 * what no single phrase can: "someone else's … photos", "another customer's name", "his gum
 * … bled", "smoke … from the charger", "a podcast episode about your shop". Each list names
 * the concept's words in every inflection we know of (Finnish and Estonian cases, Danish,
 * Norwegian and Swedish definite forms, German compounds); add a word to the concept, not a
 * sentence to a list. English words count for every language, so a word the English list has
 * (instagram, podcast*, adapter*) is not repeated in the others: the bundle has no room to spare.
 */
import type { UrgentKind } from './severity-cues.ts';

export type ConceptName =
  | 'otherPerson'
  | 'personalData'
  | 'deliveryAct'
  | 'myData'
  | 'disclosed'
  | 'bodyPart'
  | 'harm'
  | 'fragment'
  | 'mouth'
  | 'hazardEvent'
  | 'electric'
  | 'mediaPiece'
  | 'aboutYou'
  | 'readingAct'
  | 'alarmDevice'
  | 'thirdPerson'
  | 'privateRecord'
  | 'platform'
  | 'shareAct'
  | 'gasSource'
  | 'odour'
  | 'symptom'
  | 'warnAct'
  | 'otherPeople'
  | 'pet'
  | 'petIllness'
  | 'furniture'
  | 'toppled'
  | 'vehiclePart'
  | 'partFailed'
  | 'chemical'
  | 'child'
  | 'swallowAct'
  | 'packaging'
  | 'takeover'
  | 'customerAccount'
  | 'allergyCondition'
  | 'allergyTrigger';

export interface PairRule {
  kind: UrgentKind;
  first: ConceptName;
  second: ConceptName;
  /** Most words between the two when `first` comes first. */
  window: number;
  /** Most words between the two when `first` comes after `second` (default: window). */
  windowAfter?: number;
  strength: 'strong' | 'medium';
  /** A denial just before the pair cancels it ("I won't write a post about your shop"). */
  deniable?: boolean;
  /** The pair does not count right after one of these ("delivered to someone else's address"). */
  unlessBefore?: ConceptName;
  /** The pair does not count with one of these within three words of it ("the smoke alarm battery"). */
  unlessNear?: ConceptName;
  /** The pair does not count this many words or fewer after a relative or friend ("my wife … her invoice"). */
  unlessAfterRelation?: number;
}

export const PAIR_RULES: readonly PairRule[] = [
  { kind: 'data', first: 'otherPerson', second: 'personalData', window: 1, windowAfter: 3, strength: 'strong', unlessBefore: 'deliveryAct' },
  { kind: 'data', first: 'myData', second: 'disclosed', window: 8, strength: 'strong' },
  { kind: 'safety', first: 'bodyPart', second: 'harm', window: 3, strength: 'strong', deniable: true },
  { kind: 'safety', first: 'fragment', second: 'mouth', window: 8, strength: 'strong' },
  { kind: 'safety', first: 'hazardEvent', second: 'electric', window: 6, strength: 'strong', unlessNear: 'alarmDevice' },
  { kind: 'exposure', first: 'mediaPiece', second: 'aboutYou', window: 4, strength: 'strong', deniable: true, unlessBefore: 'readingAct', unlessNear: 'readingAct' },
  { kind: 'data', first: 'thirdPerson', second: 'privateRecord', window: 1, strength: 'strong', unlessBefore: 'deliveryAct', unlessAfterRelation: 15 },
  { kind: 'exposure', first: 'platform', second: 'shareAct', window: 8, strength: 'medium', deniable: true, unlessBefore: 'readingAct', unlessNear: 'readingAct' },
  { kind: 'safety', first: 'gasSource', second: 'odour', window: 8, strength: 'strong', unlessNear: 'alarmDevice' },
  { kind: 'safety', first: 'symptom', second: 'odour', window: 12, strength: 'strong' },
  { kind: 'exposure', first: 'warnAct', second: 'otherPeople', window: 4, strength: 'strong', deniable: true },
  { kind: 'safety', first: 'pet', second: 'petIllness', window: 8, strength: 'strong' },
  { kind: 'safety', first: 'furniture', second: 'toppled', window: 5, windowAfter: 0, strength: 'strong', unlessNear: 'packaging' },
  { kind: 'safety', first: 'vehiclePart', second: 'partFailed', window: 5, windowAfter: 1, strength: 'strong' },
  { kind: 'safety', first: 'chemical', second: 'odour', window: 4, strength: 'medium' },
  { kind: 'safety', first: 'child', second: 'swallowAct', window: 6, strength: 'strong' },
  { kind: 'data', first: 'takeover', second: 'customerAccount', window: 4, strength: 'strong', deniable: true },
  { kind: 'safety', first: 'allergyCondition', second: 'allergyTrigger', window: 12, strength: 'strong' },
];

/**
 * Phrases that call off a threat just made: "my brother-in-law is a lawyer and says it's not worth
 * it", "Min mand synes, jeg skal true med en advokat, men det gider jeg ikke".
 */
export const DISMISSALS: Record<string, string> = {
  en: "not worth|isn't worth|wasn't worth|no point|won't bother|can't be bothered|not bother|rather not|would rather not|overkill",
  da: 'ikke værd|ikke umagen værd|ingen grund til|gider jeg ikke|gider jeg slet ikke|gider ikke|det vil jeg ikke|ikke nødvendigt',
  nb: 'ikke verdt|ingen vits|gidder jeg ikke|gidder ikke|orker ikke|det vil jeg ikke|ikke nødvendig',
  sv: 'inte värt|ingen idé|orkar jag inte|orkar inte|det vill jag inte|inte nödvändigt|onödigt',
  de: 'nicht wert|lohnt sich nicht|lohnt nicht|lohnt ... nicht|keine lust|will ich nicht|nicht nötig|unnötig|übertrieben',
  et: 'ei tasu|pole mõtet|ei ole mõtet|ei viitsi|pole vaja|ei ole vaja',
  fi: 'ei kannata|kannata|ei ole sen arvoista|en jaksa|ei jaksa|ei tarvitse',
};

/**
 * Refusals that reach further back than a plain negation: "I don't want to make a huge fuss or go
 * to court", "Ma ei taha sellest suurt asja teha". A legal, authority or exposure cue up to twelve
 * words after one, in the same sentence and with no condition ("if") between, is not a threat.
 */
export const REFUSALS: Record<string, string> = {
  en: "don't want to|do not want to|don't wish to|have no intention|no intention of|not looking to|not planning to|not going to|would rather not|rather not|i'd rather not",
  da: 'vil helst ikke|ønsker ikke at|har ikke lyst til|vil ikke|har ingen planer om',
  nb: 'vil helst ikke|ønsker ikke å|har ikke lyst til|vil ikke|har ingen planer om',
  sv: 'vill helst inte|vill inte|önskar inte|har inga planer på|tänker inte',
  de: 'lieber nicht|möchte ungern|will nicht|möchte nicht|möchte ich nicht|will ich nicht|habe nicht vor|keine absicht',
  et: 'pigem ei|ei taha|ei soovi|ei kavatse|pole plaanis',
  fi: 'mieluummin en|en halua|emme halua|en aio|emme aio|ei ole tarkoitus',
};

/**
 * Reading or seeing something in the press or in reviews is no threat to go there: "In der Presse
 * hatte ich gelesen, dass …", "I'd read a good review". An exposure cue with one of these within
 * four words on either side, in the same sentence, does not count.
 */
export const READINGS: Record<string, string> = {
  en: "read|i'd read|had read|reading|saw|seen|according to",
  da: 'læste|læst|ifølge',
  nb: 'leste|lest|ifølge',
  sv: 'läste|läst|enligt',
  de: 'gelesen|las|lese|gesehen|laut',
  et: 'lugesin|lugenud|luges|nägin|näinud',
  fi: 'lukenut|luin|lukeneet|näin|nähnyt|mukaan',
};

/**
 * Time long past: an old injury told as background ("since a cycling accident three years ago I
 * can't stand long", "en gammal knäskada"). A single safety cue (not a concept pair) in the same
 * sentence as one of these does not count.
 */
export const BACKDROPS: Record<string, string> = {
  en: 'years ago|year ago|old injury|an old|for years|since my|since an|since a',
  da: 'år siden|gammel skade|en gammel|i årevis',
  nb: 'år siden|gammel skade|en gammel|i årevis',
  sv: 'år sedan|gammal skada|en gammal|i åratal',
  de: 'vor ... jahren|vor einem jahr|seit einem|seit meinem|seit meiner|alte verletzung|einer alten|seit jahren',
  et: 'aastat tagasi|aasta eest|aastaid tagasi|vana vigastus*|vana trauma*|alates',
  fi: 'vuotta sitten|vuosi sitten|asti|lähtien|vanha vamma|vanhan vamman|vuosia',
};

/**
 * A request to see one's own data (GDPR article 15): its own-data words ("personuppgifter",
 * "GDPR", "personnummer" of the writer) are not a leak. With one of these present, single data
 * cues together count at most 0.5; a concept pair (someone else's data) still counts in full.
 */
export const ACCESS_REQUESTS: Record<string, string> = {
  en: 'subject access|right of access|access request|article 15|a copy of my data|a copy of the personal data|a copy of my personal|what data you hold|what personal data you|what information you hold|data you hold about me|delete my data|erase my data|unsubscribe*',
  da: 'indsigt*|artikel 15|kopi af mine oplysninger|hvilke oplysninger|slette mine oplysninger|afmeld*',
  nb: 'innsyn*|artikkel 15|kopi av opplysningene|hvilke opplysninger|hvilke personopplysninger|slette opplysningene|slette mine|avmeld*',
  sv: 'registerutdrag*|artikel 15|vilka uppgifter|vilka personuppgifter|radera mina|avregistrer*|avsluta prenumeration*',
  de: 'auskunft nach|auskunftsersuchen|auskunftsanfrage|auskunftsrecht|artikel 15|welche daten|meine daten löschen|daten zu löschen|abgemeldet|abmeldung',
  et: 'artikli 15|artikkel 15|milliseid andmeid|millised andmed|andmete koopia|kustutage minu|loobusin uudiskirja*',
  fi: 'tarkastuspyyn*|tarkastusoikeu*|artiklan 15|artikla 15|mitä tietoja|tietojen poist*|poistakaa tietoni|peruin uutiskirje*',
};

/**
 * Harmless senses of urgent words: a cue whose words lie inside one of these phrases does not count
 * ("the food court", "sent by post", "please review my invoice", "share this link").
 */
export const HARMLESS_SENSES: Record<string, string> = {
  en: 'food court|tennis court|basketball court|squash court|badminton court|netball court|padel court|court shoes|by post|in the post|through the post|post office|post box|postbox|by return of post|review my|review the|review your|under review|reviewing my|for review|share this link|share the link|share this code',
  da: 'med posten|i posten|posthus*',
  nb: 'med posten|i posten|posthus*',
  sv: 'med posten|på posten|posten',
  de: 'per post|mit der post|auf der post',
  et: 'postiga|postkontor*',
  fi: 'postitse|postissa|postista',
};

/** Relatives and friends: a lawyer or journalist among them is hearsay unless an offer or condition follows. */
export const RELATIONS: Record<string, string> = {
  en: "wife|husband|partner|brother|sister|son|daughter|father|mother|dad|mum|mom|uncle|aunt|cousin|friend|neighbour|neighbor|colleague|in-law|in-laws|boyfriend|girlfriend|wife's|husband's|partner's|son's|daughter's|mother's|father's|mum's|mom's|dad's|friend's|neighbour's|neighbor's|acquaintance|someone i know|a mate|mate",
  da: 'kone|konen|mand|manden|hustru|kæreste*|bror|broren|søster*|søn|sønnen|datter|datteren|far|mor|onkel|tante|fætter|kusine|ven|vennen|veninde*|nabo|naboen|naboer|naboerne|kollega*|svoger*|svigerinde*|svigerfar*|svigermor*',
  nb: 'kone|kona|mann|mannen|samboer*|kjæreste*|bror|broren|søster*|sønn*|datter|dattera|far|mor|onkel|tante|fetter|kusine|venn|vennen|venninne*|nabo|naboen|naboer|naboene|kollega*|svoger*|svigerinne*|svigerfar*|svigermor*',
  sv: 'fru|frun|maken|sambo*|pojkvän*|flickvän*|bror|brorsan|syster*|son|sonen|dotter|dottern|pappa|mamma|farbror|morbror|moster|faster|kusin*|vän|vännen|väninna*|granne|grannen|grannar|grannarna|kollega*|svåger*|svägerska*',
  de: 'frau|mann|partner*|bruder|schwester|sohn|tochter|vater|mutter|onkel|tante|cousin*|freund*|nachbar|nachbarn|nachbarin|kolleg*|schwager|schwägerin|bekannte|bekannter|bekannten',
  et: 'naine|naisel|abikaasa*|mees|mehel|vend|venna*|õde|õe|poeg|poja*|tütar|tütre*|isa|ema|onu|tädi|sõber|sõbra*|sõbranna*|naaber|naabri*|kolleeg*|õemees*|vennanaine*',
  fi: 'vaimo*|mieheni|mieheltäni|puoliso*|veli|veljeni|veljelläni|sisko*|sisar*|poika*|tytär*|isä*|äiti*|setä*|eno*|täti*|serkku*|ystävä*|naapuri|naapurini|naapurin|naapurit|työkaveri*|kollega*|lanko*|käly*',
};

/** After hearsay, these keep it a threat: an offer to act, a condition. */
export const HEARSAY_KEEPS: Record<string, string> = {
  en: 'if|unless|otherwise|will|offered|offer|ready|handle|handling|take it|taking it|instruct*|act for|on my behalf',
  da: 'hvis|medmindre|ellers|vil|tilbudt|tilbyder|klar til|tager sagen|tage sagen|på mine vegne',
  nb: 'hvis|med mindre|ellers|vil|tilbudt|tilbyr|klar til|tar saken|ta saken|på mine vegne',
  sv: 'om|annars|ska|kommer att|erbjudit|erbjuder|redo|tar ärendet|ta ärendet|för min räkning',
  de: 'wenn|falls|sonst|wird|werde|angeboten|bietet|bereit|übernimmt|übernehmen|in meinem namen',
  et: 'kui|muidu|pakkus|pakkunud|valmis|võtab|võtta|minu nimel',
  fi: 'jos|muuten|tarjoutui|tarjoutunut|valmis|hoitaa|hoitamaan|puolestani',
};

export const CONCEPTS: Record<ConceptName, Record<string, string>> = {
  /** Somebody who is not the customer: the owner of data the customer should never see. */
  otherPerson: {
    en: "someone else's|somebody else's|somebody's|someone's|another customer's|another person's|another client's|another user's|another shopper's|other customers'|other people's|other clients'|other users'|other shoppers'|other buyers'|other recipients'|a different customer's|a stranger's|strangers'|previous owner's|former owner's|last owner's|old owner's|prior owner's|previous user's|wrong person's|of another customer|of other customers|of other people|of other users|of another person|of a stranger|of strangers|of someone else|of somebody else|of the previous owner|of the former owner|of a woman|of a man|of a family|for another customer|for someone else|addressed to someone else|in someone else's name|belonging to|other stops|other addresses|other households|wasn't mine|weren't mine|isn't mine|aren't mine|not mine|not my own|publicly|visible to everyone|anyone can see|everyone can see|never met|don't know|do not know|no idea who|someone i don't know|somebody i don't know",
    da: 'en andens|en anden kundes|en anden persons|en anden brugers|andre kunders|andre brugeres|andre personers|andre folks|andres|fremmede|fremmed|fremmedes|en fremmeds|tidligere ejers|forrige ejers|den tidligere ejer|ukendtes|forkert persons|af en anden kunde|af andre kunder|på andre kunder|for en anden kunde|tilhørende|andre stop|ikke min|ikke mit|ikke mine|offentligt|alle kan se|aldrig mødt|kender ikke|jeg ikke kender|jeg ikke kendte|en helt anden|en anden kunde',
    nb: 'en annens|noen andres|en annen kundes|en annen persons|en annen brukers|andre kunders|andre brukeres|andre personers|andre folks|andres|fremmede|fremmed|fremmedes|en fremmeds|tidligere eiers|forrige eiers|forrige eier|tidligere eier|ukjentes|til en annen kunde|til andre kunder|til noen andre|for en annen kunde|tilhørende|andre stopp|ikke min|ikke mitt|ikke mine|offentlig|alle kan se|aldri møtt|kjenner ikke|jeg ikke kjenner|jeg ikke kjente|en helt annen|en annen kunde',
    sv: 'någon annans|en annan kunds|en annan persons|en annan användares|andra kunders|andra användares|andra personers|andra människors|andras|främlingars|en främlings|främmande|tidigare ägares|tidigare ägarens|förra ägarens|förre ägarens|föregående ägares|okändas|fel persons|till en annan kund|till andra kunder|på andra kunder|för en annan kund|tillhörande|andra stopp|inte min|inte mitt|inte mina|offentligt|alla kan se|aldrig träffat|känner inte|jag inte känner|jag inte kände|en helt annan|en annan kund',
    de: 'eines anderen kunden|einer anderen kundin|anderer kunden|einer anderen person|eines anderen|anderer personen|anderer leute|fremde*|fremder*|des vorbesitzers|der vorbesitzerin|vom vorbesitzer|vorbesitzer*|des vorherigen besitzers|des früheren besitzers|unbekannter*|von anderen kunden|von einem anderen kunden|von jemand anderem|von fremden|an dritte|dritter|falschen person|anderen stopps|nicht meine|nicht mein|nicht meiner|öffentlich sichtbar|jeder sehen|alle sehen|nie getroffen|kenne ich nicht|nicht kenne|ganz anderen|eines fremden|einer fremden|ein anderer kunde|eine andere kundin',
    et: 'kellegi teise|kellegi võõra|teise kliendi*|teiste klientide*|teise inimese*|teiste inimeste*|teise kasutaja*|teiste kasutajate*|võõra*|võõras|võõrad|eelmise omaniku*|endise omaniku*|eelmise kasutaja*|tundmatu*|vale inimese*|kolmanda*|teiste ostjate*|teisele kliendile|teisele inimesele|kellelegi teisele|teised peatused|teisi peatusi|polnud minu|ei olnud minu|pole minu|avalikult|kõik näevad|ei tunne|pole kohanud|keda ma ei tunne|keegi teine|hoopis kellegi|teine klient',
    fi: 'jonkun toisen|jonkun muun|toisen asiakkaan|toisten asiakkaiden|muiden asiakkaiden|toisen henkilön|toisen ihmisen|muiden ihmisten|muiden henkilöiden|toisen käyttäjän|muiden käyttäjien|vieraan*|vieraiden|vieras|tuntemattom*|edellisen omistajan|entisen omistajan|väärän henkilön|kolmansille|kolmannen osapuolen|muiden vastaanottajien|toiselle asiakkaalle|toiselle henkilölle|jollekin toiselle|muut pysähdykset|ei ollut minun|eivät olleet minun|ei ole minun|julkisesti|kaikki näkevät|en tunne|en ole koskaan tavannut|jota en tunne|joku toinen|jonkun ihan muun|toinen asiakas',
  },
  /** What identifies or belongs to a person: names, addresses, numbers, photos, messages, accounts. */
  personalData: {
    en: 'name|names|address|addresses|phone number*|mobile number*|email address*|emails|e-mails|invoice*|receipt*|photo*|pictures|picture|images|messages|texts|contacts|account|accounts|details|data|information|info|date of birth|birthday|bank details|card number*|card details|last four digits|documents|files|order history|purchase history|chats|conversations|camera feed|live feed|video feed|nursery|bedroom|full name|customer number|account number|orders|her orders|his orders',
    da: 'navn*|adresse*|telefonnummer*|mobilnummer*|mailadresse*|e-mail*|mails|faktura*|kvittering*|billede*|billeder*|fotos|foto*|beskeder|sms*|kontakter|konto*|oplysninger*|fødselsdato|cpr*|kortnummer|kortoplysninger|dokumenter|ordrehistorik*|købshistorik*|samtaler|kamera*|børneværelse*|fulde navn|kundenummer*|forbrug',
    nb: 'navn*|adresse*|telefonnummer*|mobilnummer*|e-post*|faktura*|kvittering*|bilde*|bildene|foto*|meldinger*|sms*|kontakter*|konto*|kontoen|opplysninger*|fødselsdato|personnummer|fødselsnummer|kortnummer|dokumenter*|ordrehistorikk*|kjøpshistorikk*|samtaler|kamera*|barnerom*|fullt navn|kundenummer*',
    sv: 'namn*|adress*|telefonnummer*|mobilnummer*|mejl*|e-post*|faktura*|kvitto*|kvitton|bild*|foto*|meddelanden*|sms*|kontakter*|konto*|uppgifter*|födelsedatum|personnummer|kortnummer|dokument*|orderhistorik*|köphistorik*|konversationer|kamera*|barnrum*|fullständiga namn|fullständigt namn|kundnummer*',
    de: 'namen|*adresse|*adressen|anschrift*|telefonnummer*|handynummer*|e-mail*|mails|rechnung*|*rechnung|quittung*|beleg*|foto*|fotos|bilder*|bild|nachrichten|sms|kontakte*|konto*|kundenkonto*|daten|*daten|angaben|geburtsdatum|kartennummer|dokumente*|bestellhistorie|bestellverlauf|kamera*|*kamera|kinderzimmer*|live-bild*|livebild*|vollen namen|vollständigen namen|kundennummer*',
    et: 'nimi|nime*|aadress*|telefoninumb*|e-posti*|meiliaadress*|arve*|tšek*|foto*|pildi*|pilte|pildid|sõnum*|kontakt*|konto*|andme*|isikukood*|sünniaeg*|sünnikuupäev*|kaardinumb*|dokument*|ostuajalugu|tellimuste ajalugu|kaamera*|lastetuba*|lastetoa*|täisnimi|täisnime*|kliendinumb*',
    fi: 'nimi*|nimen*|nimet|nimeä|korttini numero|korttinumero*|kortin numero*|*osoite|*osoitte*|puhelinnumer*|sähköpost*|lasku*|kuitti*|kuva*|valokuv*|viest*|yhteystied*|tili|tilin*|tilit|tiliä|tiedot|tietoja|tietoj*|henkilötied*|henkilötunnu*|syntymäai*|kortin numero*|asiakirj*|tilaushistoria*|ostohistoria*|kamera*|lastenhuonee*|koko nimi|koko nime*|asiakasnumer*',
  },
  /** A parcel taken somewhere: "delivered to someone else's address" is a delivery, not a data leak. */
  deliveryAct: {
    en: 'deliver*|left|dropped|drove|brought|shipped|posted|sent the parcel|sent my parcel|parcel|package',
    da: 'lever*|stillet|afleveret|kørt|bragt|pakke*',
    nb: 'lever*|satt|kjørt|brakt|pakke*',
    sv: 'lever*|lämna*|ställd*|körd*|paket*',
    de: 'geliefert|zugestellt|geliefert|abgestellt|abgegeben|gebracht|paket*|lieferung*',
    et: 'toimeta*|toodi|jäeti|viidi|pakk*|paki*',
    fi: 'toimitet*|toimitettiin|toimitti|jätetty|jätettiin|vietiin|paketti*|paketin',
  },
  /** The customer's own data. */
  myData: {
    en: 'my address|my home address|my new address|my name|my full name|my phone number|my number|my mobile|my email|my email address|my details|my personal*|my data|my information|my order history|my photos|my date of birth|my card details|my bank details|where i live',
    da: 'min adresse|min nye adresse|mit navn|mit telefonnummer|mit nummer|min mail|mine oplysninger|mine personlige*|mine data|mine billeder|min fødselsdato|hvor jeg bor',
    nb: 'adressen min|min adresse|min nye adresse|navnet mitt|mitt navn|telefonnummeret mitt|mitt telefonnummer|mitt nummer|e-posten min|mine opplysninger|opplysningene mine|mine personlige*|mine data|bildene mine|hvor jeg bor',
    sv: 'min adress|min nya adress|mitt namn|mitt telefonnummer|mitt nummer|min mejl|mina uppgifter|mina personuppgifter|mina personliga*|mina data|mina bilder|var jag bor',
    de: 'meine adresse|meine neue adresse|meine anschrift|meinen namen|mein name|meine telefonnummer|meine handynummer|meine nummer|meine e-mail*|meine daten|meine persönlichen*|meine fotos|wo ich wohne',
    et: 'minu aadress*|mu aadress*|minu uue aadressi|minu nime*|mu nime*|minu telefoninumb*|mu telefoninumb*|minu andme*|mu andme*|minu isikuandme*|minu pildi*|kus ma elan',
    fi: 'osoitteeni|*osoitteeni|*tietoni|*tietojani|nimeni|puhelinnumeroni|numeroni|sähköpostini|kuvani|henkilötietoni|missä asun',
  },
  /** Given, shown or sent to somebody else. */
  disclosed: {
    en: 'given to|gave out|gave away|given out|given away|gave him|gave her|gave them|handed out|handed over|passed on|told him|told her|told them|shown to|showed him|showed her|showed them|visible to|sent to a|sent to another|sent to someone|forwarded to|shared with|disclosed|leaked|published|revealed|restraining order|stalker|my ex',
    da: 'givet til|gav ham|gav hende|gav dem|udleveret|videregivet|videregav|fortalte ham|fortalte hende|vist til|viste ham|viste hende|synlig for|synlige for|sendt til en|delt med|lækket|offentliggjort|tilhold|kontaktforbud|min eksmand|min ekskone',
    nb: 'gitt til|ga ham|ga henne|ga dem|utlevert|gitt videre|ga videre|fortalte ham|fortalte henne|vist til|viste ham|viste henne|synlig for|synlige for|sendt til en|delt med|lekket|publisert|besøksforbud|kontaktforbud|eksmannen min|min eksmann|min ekskone',
    sv: 'gett till|gavs till|gav honom|gav henne|gav dem|lämnat ut|lämnade ut|lämnades ut|berättade för|visats för|visade honom|visade henne|synlig för|synliga för|skickat till en|delat med|läckt|publicerat|kontaktförbud|min exman|min före detta',
    de: 'gegeben|herausgegeben|weitergegeben|weitergeleitet|mitgeteilt|gezeigt|sichtbar für|sichtbar|an fremde|geteilt mit|geleakt|veröffentlicht|kontaktverbot|näherungsverbot|annäherungsverbot|mein ex|meinem ex',
    et: 'andis*|anti|edastas*|edastati|avaldas*|avaldati|ütles talle|ütlesid talle|näitas*|nähtav*|saadeti*|jagati|lekkis|lähenemiskeel*|minu endine|mu endine|endisele',
    fi: 'kertoi*|kerrottiin|kerrotte|antoi*|annettiin|luovutt*|paljast*|näytti*|näytettiin|näkyvissä|näkyy kaikille|lähetettiin|välitettiin|eteenpäin|jaettiin|vuoti|lähestymiskiel*|entinen mieheni|entinen vaimoni|exäni',
  },
  /** Parts of a body (not "arm", "leg", "back": chairs and tables have them too). */
  bodyPart: {
    en: "my arm|his arm|her arm|son's arm|daughter's arm|child's arm|baby's arm|my leg|his leg|her leg|son's leg|daughter's leg|child's leg|my foot|his foot|her foot|my head|his head|her head|my face|his face|her face|son's face|daughter's face|finger|fingers|fingertip*|thumb|thumbs|hand|hands|palm|palms|wrist|wrists|toe|toes|knee|knees|ankle|ankles|mouth|gum|gums|lip|lips|tongue|throat|eye|eyes|eyelid*|cheek|cheeks|skin|scalp|forehead|chin|stomach|tummy|nose|shin|shins",
    da: 'finger*|tommelfinger*|hånd*|hænder*|håndflade*|håndled*|tæer*|knæ*|ankel*|mund*|tandkød*|gummer*|læbe*|tunge*|hals*|øje*|øjne*|kind*|hud*|huden|hovedbund*|pande*|mave*|næse*',
    nb: 'finger*|fingre*|tommel*|hånd*|hender*|håndflate*|håndledd*|tær*|kne|knær*|ankel*|munn*|tannkjøtt*|leppe*|tunge*|hals*|øye*|øyne*|kinn*|hud*|huden|hodebunn*|panne*|mage*|nese*',
    sv: 'finger*|fingr*|tumme*|handen|händer*|handflat*|handled*|tår*|knä*|fotled*|mun|munnen|tandkött*|läpp*|tunga*|tungan|hals*|öga|ögat|ögon*|kind*|hud*|huden|hårbotten|panna*|pannan|mage*|magen|näsa*|näsan',
    de: 'finger*|daumen|hände*|handfläche*|handgelenk*|zeh*|knie*|knöchel*|mund|mundes|zahnfleisch|lippe*|zunge|hals|rachen|auge*|wange*|haut|kopfhaut|stirn|kinn|bauch|magen|nase',
    et: 'sõrm*|pöial|pöidla*|käsi|käe*|kätt|peopesa*|randme*|ranne|varvas|varba*|põlv*|pahkluu*|suus|suhu|suust|ige|igeme*|huul*|kurk|kurgu*|silm*|põse*|põsk|nahk|nahale|nahal|nahka|laup|lauba*|kõht|kõhu*|nina*',
    fi: 'sormi|sormen*|sormeen|sormeni|sormensa|sormet|peukalo*|käsi|käden*|kädet|käteen|kätensä|käteni|kämmen*|ranne|ranteen*|varvas|varpaa*|polvi|polve*|nilkka|nilka*|suu|suun|suuhun|suussa|suuni|suunsa|ien|ikene*|ikeni*|huuli|huule*|kurkku|kurku*|silmä*|poski|poske*|iho|ihon*|ihoni|ihonsa|otsa|otsaan|vatsa*|nenä*',
  },
  /** What happens to a body: bleeding, cuts, burns, blisters, swelling, rashes, stings, fractures. */
  harm: {
    en: 'bled|bleed|bleeding|trapped in|bleeds|blood|bloody|sliced|gashed|gash|burnt|burned|burns|blister*|swollen|swelled|swelling|stung|stinging|rash|scalded|bruised|bruise*|fractured|sprained|injured|hurt|inflamed|infected|scratched|pierced|punctured|trapped|crushed|pinched|red and|came up in|cut my|cut his|cut her|cut their|cut open|cut on|got cut|was cut|were cut|deep cut|nasty cut|bad cut|a cut',
    da: 'blødte|bløder|blødning*|blod|blodet|skar|skåret|flænge*|brændt|brændte|brandsår*|vabel|vabler|blære*|hævet|hævede|hævelse*|udslæt|stak|stukket|skoldet|forslået|blå mærke*|brækket|brækkede|knækket|knækkede|kløe|klør|klemt|klemte|kvæstet|svier|sved',
    nb: 'blødde|blør|blødning*|blod|blodet|kuttet|kuttet seg|skar|skåret|brent|brente|brannsår*|vable*|blemme*|hoven|hovne|hevelse*|utslett|stakk|stukket|skåldet|blåmerke*|brukket|brakk|knekt|knakk|klør|kløe|klemt|klemte|svir|sved',
    sv: 'blödde|blöder|blödning*|blod|blodet|skar|skuren|skurit|jack|bränd|brände|brännsår*|blåsa|blåsor|svullen|svullna|svullnad*|utslag|stack|stucken|skållad*|blåmärke*|bröt|bruten|brutit|knäckt|röd|röda|klia*|kliar|klämd|klämde|sved|svider',
    de: 'blutete|blutet|geblutet|blutung*|blut|blutig*|geschnitten|schnittwunde*|verbrannt|verbrannte|verbrennung*|brandblase*|blase|blasen|geschwollen*|schwellung*|ausschlag|gestochen|verbrüht|prellung*|bluterguss|blaue flecken|gebrochen|angebrochen|abgebrochen|wund|gerötet|juckt|juckreiz|eingeklemmt|gequetscht|verletzt|brennt',
    et: 'paiste*|veritses*|veritsema|veri|verd|verine|veriseks|verejooks*|lõikas*|lõikasin|lõikehaav*|haav*|põletas|põles|põletus*|põletushaav*|vill|villi|villid|paistes|paistetus*|lööve|nõelas|kõrvetas|sinikas|sinika*|murdus|murdis|murdsin|murtud|valus|punane|punetav|punetus|sügele*|muljus*|vigastas|vigastada|kipitab|kipitas',
    fi: 'vuoti|vuotaa|verta|verenvuoto*|verinen|verissä|viilsi|viilto*|haava*|leikkasi|leikkautui|paloi|palovamma*|poltti|rakko*|rakkula*|turposi|turvonnut|turvoksissa|turvotus*|ihottuma*|pisti|pistos|kirveli|kirvelee|mustelma*|murtui|murtunut|murtuma*|lohkesi|kipeä|kipeytyi|punainen|punoittaa|punoitti|kutiaa|kutina|puristui|ruhjoutui|loukkaantui|loukkasi',
  },
  /** Hard pieces that do not belong in food: shards, splinters, metal, wire. */
  fragment: {
    en: 'shard*|splinter*|sliver*|glass|metal|wire|staple|screw|needle|fragment*|piece of plastic|bit of plastic|plastic piece|hard plastic|something hard|something sharp|foreign object|foreign body',
    da: 'glasskår|glasstykke*|glassplint*|skår|splint*|metalstykke*|metalspån*|metaltråd|ståltråd|plaststykke*|hårdt stykke|noget hårdt|noget skarpt|stykke glas|stykke metal|glas|fremmedlegeme*',
    nb: 'glasskår|glassbit*|glassplint*|skår|splint*|metallbit*|metallspon*|ståltråd|plastbit*|noe hardt|noe skarpt|bit av glass|bit av metall|metall|fremmedlegeme*',
    sv: 'glasskärva*|skärva*|glasbit*|glassplitter|flisa*|metallbit*|metallflisa*|ståltråd|plastbit*|något hårt|något vasst|bit av glas|glas|metall|främmande föremål',
    de: 'scherbe*|glasscherbe*|glassplitter|splitter|glasstück*|metallstück*|metallsplitter*|metallteil*|draht*|plastikstück*|kunststoffstück*|etwas hartes|etwas spitzes|glas|metall|fremdkörper',
    et: 'klaasikild*|kild*|killu*|klaasitük*|metallitük*|metallikil*|traat*|traadi*|plastitük*|midagi kõva|midagi teravat|klaas*|metall*|võõrkeha*',
    fi: 'lasinsiru*|lasinpala*|siru*|sirpale*|säle*|metallinpala*|metallisiru*|metallilanka*|muovinpala*|jotain kovaa|jotain terävää|lasi*|metalli*|vierasesine*',
  },
  /** Eating and the mouth. */
  mouth: {
    en: 'bit on|bit into|bit down|bitten|biting|bite|chew*|mouth|mouthful|swallow*|ate|eating|eaten|spat|spit|tongue|throat|choked|gum bled|my gums|his gums|her gums',
    da: 'bed i|bed på|bidt|tygge*|tyggede|munden|mund|mundfuld|slugte|slugt|spiste|spise|spyttede|tandkødet|halsen',
    nb: 'beit|bet|bitt|tygge*|tygget|munnen|munn|munnfull|svelget|spiste|spise|spyttet|tannkjøttet|halsen',
    sv: 'bet|bitit|tugga*|tuggade|munnen|mun|munfull|svalde|svalt|åt|äta|spottade|tandköttet|halsen',
    de: 'gebissen|biss|zerbissen|kauen|gekaut|kaute|mund|verschluckt|gegessen|aß|essen|ausgespuckt|zahnfleisch|hals',
    et: 'hammustas*|hammustanud|näris|närida|närides|suhu|suus|suust|neelas|neelanud|sõi|sõin|söömas|süües|sülitas|igeme*|kurk*',
    fi: 'puri|puraisi|pureskel*|suuhun|suussa|suusta|nieli|nielaisi|söi|söin|syödessä|sylkäisi|ikene*|kurkku*',
  },
  /** Signs of an electrical or fire hazard. */
  hazardEvent: {
    en: 'smoke|smoked|smoking|got so hot|gets so hot|became so hot|sparks|sparked|sparking|spark|melted|melting|scorch*|burn mark*|charred|sizzl*|short circuit*|short-circuit*|blew the fuse|fuse blew|tripped the|too hot to touch|hot to touch|bulging|swollen|swelled|ballooned|burning smell|smell of burning|smelt of burning',
    da: 'røg|røget|ryger|blev så varm|bliver så varm|røgudvikling|gnister|gnistre*|smeltede|smeltet|smelter|svedet|sveden|brændemærke*|kortslut*|sikringen sprang|glohed*|brændvarm*|for varm at røre|svulmet|opsvulmet|buler|lugt af brændt|brændt lugt|lugter brændt',
    nb: 'røyk|røyket|ryker|ble så varm|blir så varm|røykutvikling|gnister|gnistre*|smeltet|smelter|svidd|svimerke*|knitre*|kortslut*|sikringen gikk|glovarm*|for varm å ta på|svulmet|lukt av brent|brent lukt|lukter brent',
    sv: 'rök|rykte|ryker|blev så varm|blir så varm|rökutveckling|gnistor|gnistra*|smälte|smält|smälter|svedd*|brännmärke*|kortslut*|säkringen gick|glödhet*|brännhet*|för varm att ta i|svullen|svällt|lukt av bränt|luktade bränt|luktar bränt|brandlukt',
    de: 'rauch|raucht|wurde so heiß|wird so heiß|qualm*|funken|funkte|geschmolzen|schmilzt|schmolz|angeschmolzen|versengt|angesengt|brandfleck*|verschmort|kurzschluss|sicherung|glühend heiß|zu heiß zum anfassen|aufgebläht|brandgeruch|riecht verbrannt|kokelt|verkohlt',
    et: 'suits*|suitses|läks nii kuumaks|muutus nii kuumaks|tossas|sädemed|sädeme*|sädeles|sulas|sulanud|kõrbe*|põlemisjälg*|lühis*|kaitsme*|tulikuum*|liiga kuum|paisunud|kõrbelõhn*|põlenud lõhn*',
    fi: 'savu*|kipinöi*|kuumeni niin|tuli niin kuumaksi|kipinä*|suli|sulanut|sulaa|kärähti|kärähtänyt|kärtsä*|palanut|palaneen|palojälki*|oikosulk*|sulake|hehkuvan kuuma|tulikuuma*|liian kuuma|turvonnut|pullistu*|käry*',
  },
  /** Things on the mains or with a battery. */
  electric: {
    en: 'plug|plugs|socket*|outlet*|cable*|cord|charger*|charging|adapter*|adaptor*|wire|wiring|battery|batteries|power bank|powerbank|extension|mains|fuse*|circuit*|heater|kettle|toaster|radiator|motor|appliance|hob|microwave|hair dryer|hairdryer|straightener*|e-bike|scooter|laptop|phone|lamp|fan',
    da: 'stik|stikket|stikkontakt*|kontakten|ledning*|kabel*|kablet|oplader*|batteri*|powerbank*|forlængerledning*|sikring*|elkedel*|brødrister*|varmeapparat*|radiator*|motor*|komfur*|mikroovn*|hårtørrer*|glattejern*|elcykel*|løbehjul*|telefon*|computer*|lampe*',
    nb: 'stikkontakt*|kontakten|stikket|støpsel*|ledning*|kabel*|kabelen|lader*|laderen|batteri*|powerbank*|skjøteledning*|sikring*|vannkoker*|brødrister*|panelovn*|varmeovn*|motor*|komfyr*|mikrobølge*|hårføner*|rettetang*|elsykkel*|sparkesykkel*|telefon*|mobil*|lampe*',
    sv: 'stickkontakt*|kontakten|eluttag*|uttag*|sladd*|kabel*|kabeln|laddare*|laddaren|batteri*|powerbank*|förlängningssladd*|säkring*|vattenkokare*|brödrost*|element*|värmefläkt*|motor*|spis*|mikro*|hårtork*|plattång*|elcykel*|sparkcykel*|elsparkcykel*|telefon*|mobil*|lampa*',
    de: 'stecker*|steckdose*|kabel*|ladegerät*|ladekabel*|netzteil*|akku*|batterie*|powerbank*|verlängerung*|mehrfachstecker*|steckerleiste*|sicherung*|wasserkocher*|toaster*|heizlüfter*|heizung*|heizkörper*|motor*|herd*|mikrowelle*|föhn*|haartrockner*|glätteisen*|e-bike*|roller*|handy*|laptop*|gerät*|lampe*',
    et: 'pistik*|pistikupesa*|pesa|juhe|juhtme*|kaabel*|kaabli*|laadija*|laadi*|aku*|patarei*|akupank*|pikendus*|veekeetja*|röster*|radiaator*|küttekeha*|mootor*|pliit*|mikrolaine*|föön*|sirgendaja*|elektriratas*|tõukeratas*|telefon*|sülearvuti*|lamp*',
    fi: 'pistoke*|pistokkee*|pistora*|johto*|johdo*|kaapeli*|laturi*|adapteri*|akku*|aku*|paristo*|varavirtalähde*|jatkojoh*|sulake*|vedenkeitin*|vedenkeittimen*|leivänpaahdin*|lämmitin*|lämmittimen*|lämpöpatteri*|patteri*|moottori*|liesi|liede*|mikro*|hiustenkuivaa*|suoristusrau*|sähköpyör*|potkulau*|puhelin*|puhelime*|läppäri*|tietokone*|lamppu*|lampun*',
  },
  /** Something published: an article, an episode, a post, a video. */
  mediaPiece: {
    en: 'podcast*|episode|article|story|segment|feature|report|programme|documentary|thread|post|video|blog|column|interview|write-up|writeup|piece',
    da: 'afsnit|artikel*|artikler|indslag|historie*|opslag*|video*|indlæg*|reportage*|program*|udsendelse*|tråd*|klumme*|interview*',
    nb: 'podkast*|episode*|artikkel*|artikler|innslag|historie*|innlegg*|video*|reportasje*|program*|sending*|tråd*|spalte*|intervju*',
    sv: 'podd*|avsnitt*|artikel*|artiklar*|inslag*|historia*|historien|inlägg*|video*|reportage*|program*|sändning*|tråd*|krönika*|intervju*',
    de: 'folge|episode*|artikel*|bericht*|beitrag*|geschichte|post*|video*|reportage*|sendung*|kolumne*|interview*',
    et: 'taskuhääling*|saade*|saate*|episood*|artik*|lugu|loo|postitus*|video*|reportaaž*|intervjuu*|arvamuslugu*',
    fi: 'jakso*|artikkeli*|juttu*|jutun|kirjoitus*|postaus*|video*|reportaasi*|ohjelma*|ketju*|kolumni*|haastattelu*',
  },
  /** The company as its subject. */
  aboutYou: {
    en: 'about you|about your|about how you|about how your|about what happened|about my experience|on your company|on your shop|on your store|featuring you',
    da: 'om jer|om jeres|om firmaet|om butikken|om virksomheden|om hvordan i|om min oplevelse|om sagen',
    nb: 'om dere|om deres|om firmaet|om butikken|om selskapet|om hvordan dere|om min opplevelse|om saken',
    sv: 'om er|om ert|om era|om företaget|om butiken|om hur ni|om min upplevelse|om ärendet',
    de: 'über sie|über ihr|über ihre|über ihren|über ihrem|über die firma|über das unternehmen|über den laden|über die filiale|über den fall|über meine erfahrung|über diesen fall',
    et: 'teie kohta|teie poest|teie poe|teie ettevõttest|teie firmast|teie teenindusest|teist kirjutada|teist rääki*|sellest juhtumist|minu kogemusest|juhtunust',
    fi: 'teistä|yrityksestänne|kaupastanne|myymälästänne|liikkeestänne|tapauksesta|kokemuksestani|palvelustanne|yrityksestä|kaupasta',
  },
  /** Reading or seeing a piece about the company is not threatening to publish one. */
  readingAct: {
    en: 'read|saw|seen|watched|heard|noticed|found|came across|liked|enjoyed',
    da: 'læste|læst|så|set|hørte|hørt|fandt|faldt over',
    nb: 'leste|lest|så|sett|hørte|hørt|fant|kom over',
    sv: 'läste|läst|såg|sett|hörde|hört|hittade',
    de: 'las|gelesen|sah|gesehen|hörte|gehört|fand|gefunden',
    et: 'lugesin|lugenud|nägin|näinud|kuulsin|kuulnud|leidsin',
    fi: 'luin|lukenut|näin|nähnyt|kuulin|kuullut|löysin',
  },
  /** Alarms that name smoke or gas without any: "the smoke alarm battery". */
  alarmDevice: {
    en: 'smoke alarm*|smoke detector*|alarm|alarms|detector*',
    da: 'røgalarm*|røgmelder*|alarm*',
    nb: 'røykvarsler*|røykdetektor*|alarm*',
    sv: 'brandvarnare*|rökdetektor*|larm*',
    de: 'rauchmelder*|rauchwarnmelder*|melder',
    et: 'suitsuandur*|andur*',
    fi: 'palovaroitin*|palovaroittime*|varoitin*',
  },
  /** He or she, as the owner of a record the customer was shown ("her orders", "hendes kundenummer"). */
  thirdPerson: {
    en: 'her|his|their own',
    da: 'hendes|hans|deres egne',
    nb: 'hennes|hans|deres egne',
    sv: 'hennes|hans|deras egna',
    de: 'seine|seiner|seinen|seinem|deren',
    et: 'tema|tolle|selle inimese|selle kliendi',
    fi: 'hänen|heidän',
  },
  /** Records only their owner should see (not a name: "I didn't get her name" is about staff). */
  privateRecord: {
    en: 'address|addresses|home address|phone number|mobile number|orders|order history|invoice|invoices|receipts|customer number|account number|account details|date of birth|card details|bank details|prescriptions',
    da: 'adresse*|telefonnummer*|mobilnummer*|ordrer|ordrehistorik*|faktura*|regning*|kvittering*|kundenummer*|kontonummer*|fødselsdato|cpr*|kortoplysninger|recepter',
    nb: 'adresse*|telefonnummer*|mobilnummer*|ordrer*|bestillinger*|ordrehistorikk*|faktura*|regning*|kvittering*|kundenummer*|kontonummer*|fødselsdato|personnummer|kortopplysninger|resepter',
    sv: 'adress*|telefonnummer*|mobilnummer*|ordrar*|beställningar*|orderhistorik*|faktura*|räkning*|kvitto*|kvitton|kundnummer*|kontonummer*|personnummer|kortuppgifter|recept',
    de: 'adresse*|anschrift*|telefonnummer*|handynummer*|bestellungen|bestellhistorie|rechnung*|quittung*|belege|kundennummer*|kontonummer*|geburtsdatum|kartendaten|bankdaten|rezepte',
    et: 'aadress*|telefoninumb*|tellimus*|oste|ostud|ostude*|arve*|tšek*|kliendinumb*|kontonumb*|isikukood*|sünniaeg*|retsept*',
    fi: '*osoite|*osoitte*|puhelinnumer*|tilauks*|tilaukset|ostok*|lasku*|kuitt*|asiakasnumer*|tilinumer*|henkilötunnu*|syntymäai*|resept*',
  },
  /** Where a customer can make a story public (worth 1.5 alone, see severity-cues.ts). */
  platform: {
    en: 'instagram|tiktok|youtube|facebook|twitter|reddit|linkedin|podcast*|blog|blogs|vlog|forum|forums|mumsnet|nextdoor|local group|neighbourhood group|parents group|parents\' group|whatsapp group',
    da: 'blog*|forum*|facebookgruppe*|lokalgruppe*|forældregruppe*',
    nb: 'podkast*|blogg*|forum*|facebookgruppe*|lokalgruppe*|foreldregruppe*',
    sv: 'podd*|blogg*|forum*|flashback|familjeliv|facebookgrupp*|lokalgrupp*|föräldragrupp*',
    de: 'blog*|forum*|foren|facebook-gruppe*|facebookgruppe*|elterngruppe*|nachbarschaftsgruppe*|nebenan.de',
    et: 'instagram*|tiktok*|youtube*|facebook*|twitter*|reddit*|taskuhääling*|blogi*|foorum*|perekool*|facebooki grup*',
    fi: 'instagram*|tiktok*|youtube*|facebook*|twitter*|reddit*|podcasti*|blogi*|foorumi*|keskustelupalst*|vauva.fi|suomi24|facebook-ryhmä*|facebook-ryhmä*',
  },
  /** Making something public there: sharing, an episode, a thread, a following. */
  shareAct: {
    en: 'share this|share it|share what happened|share my experience|share the story|share my story|sharing this|sharing my|post about|posting about|write about|writes about|writing about|episode|next episode|thread|a following|big following|large following|quite a following|my following|her following|his following|followers|link to your|linking to|statement|tag you|tagging you',
    da: 'dele det|dele min|dele historien|dele oplevelsen|deler det|delt det|skrive om|skriver om|afsnit|næste afsnit|tråd|tråden|følgere|linke til|linker til|kommentar fra jer|advare andre',
    nb: 'dele det|dele min|dele historien|dele opplevelsen|deler det|delt det|skrive om|skriver om|neste episode|tråd|tråden|følgere|lenke til|lenker til|kommentar fra dere|advare andre',
    sv: 'dela det|dela min|dela historien|dela upplevelsen|delar det|delat det|skriva om|skriver om|avsnitt|nästa avsnitt|tråd|tråden|följare|länka*|länkar|kommentar från er|varna andra',
    de: 'teilen werde|werde ... teilen|geschichte teilen|erfahrung teilen|erlebnis teilen|das teilen|schreiben über|schreibt über|nächste folge|neue folge|neuen folge|eigene folge|einer folge|follower*|verlinken|verlinke|stellungnahme|widmen|andere warnen',
    et: 'jagan seda|jagada oma|jagan oma|jagada lugu|jagada seda|kirjutada|kirjutab|kirjutan|episood*|järgmine osa|jälgija*|lingi*|kommentaar*|hoiatada teisi',
    fi: 'jaan tämän|jakaa tämän|jakaa tarinan|jakaa kokemukse*|jaan kokemukse*|jakanut tämän|kirjoittaa|kirjoitan|kirjoittaa aiheesta|jakso*|seuraava jakso|ketju*|seuraaj*|linkit*|kommentti*|varoittaa muita',
  },
  /** Gas appliances and pipes. */
  gasSource: {
    en: 'gas|boiler|gas hob|gas cooker|gas fire|gas pipe|gas meter',
    da: 'gasfyr*|gaskedel*|gaskomfur*|gasblus*|gasrør*|gasmåler*',
    nb: 'gass|gasskomfyr*|gassrør*|gassbluss*|gasspeis*',
    sv: 'gasspis*|gaspanna*|gasledning*|gasrör*',
    de: 'gastherme*|gasherd*|gasheizung*|gasleitung*|gaskessel*|therme|heizkessel*',
    et: 'gaas*|gaasipliit*|gaasikatel*|gaasitoru*',
    fi: 'kaasu|kaasun|kaasua|kaasuliesi|kaasuliede*|kaasukattila*|kaasuputk*',
  },
  /** A smell, smelling. */
  odour: {
    en: 'smell|smells|smelled|smelt|smelling|stink*|stench|odour|odor|fumes',
    da: 'lugt|lugter|lugtede|stank|stinker|dampe|dampene',
    nb: 'lukt|lukter|luktet|stank|stinker|damp|dampen',
    sv: 'lukt|luktar|luktade|stank|stinker|ångor',
    de: 'riecht|roch|geruch|gerochen|stinkt|stank|dämpfe',
    et: 'lõhn*|haise*|hais|aur|aurud',
    fi: 'haju*|haisee|haisi|löyhk*|käry',
  },
  /** Symptoms of poisoning by fumes: headache, nausea, dizziness. */
  symptom: {
    en: 'headache*|nausea|nauseous|felt sick|feeling sick|dizzy|dizziness|light-headed|lightheaded|sore eyes|vomit*|throwing up|threw up|eyes are streaming|eyes streaming|streaming eyes|sore throat|burning eyes|itchy eyes|eyes sting*|coughing',
    da: 'hovedpine|kvalme|svimmel|svimmelhed|kastede op|kaste op|ondt i hovedet|kløe i øjnene|svie i øjnene|øjnene løber|hoster|hostede|ondt i halsen',
    nb: 'hodepine|kvalm|kvalme|svimmel|svimmelhet|kastet opp|kaste opp|vondt i hodet|svie i øynene|kløe i øynene|renner i øynene|hoster|hostet|vondt i halsen',
    sv: 'huvudvärk|illamående|mådde illa|må illa|yr|yrsel|kräkts|kräktes|spydde|sveda i ögonen|svider i ögonen|kliar i ögonen|rinnande ögon|hostar|hostade|ont i halsen',
    de: 'kopfschmerz*|übel|übelkeit|schwindel*|erbrochen|erbrach|übergeben|tränende augen|augen tränen|brennende augen|augen brennen|husten|hustet|halsschmerz*',
    et: 'peavalu|iiveldus|iiveldab|pearinglus|pea käib ringi|oksendas|oksendama|kipitavad silmad|silmad kipitavad|silmad vesised|köhib|köha|kurk valutab',
    fi: 'päänsärky*|päänsärkyä|pahoinvoin*|huimaa|huimausta|huimaus|oksensi|oksentaa|silmiä kirvelee|silmät vuotavat|silmät kirvelevät|yskii|yskä*|kurkku kipeä',
  },
  /** Pets and animals in the customer's care. */
  pet: {
    en: 'dog|dogs|puppy|puppies|cat|cats|kitten|kittens|rabbit|rabbits|hamster|guinea pig|pet|pets|spaniel|labrador|terrier|parrot|budgie|horse',
    da: 'hund|hunden|hunde|hundene|hvalp*|kat|katten|katte|kattene|killing*|kanin*|hamster*|marsvin*|kæledyr*|hest|hesten',
    nb: 'hund|hunden|hunder|hundene|valp*|katt|katten|katter|kattene|kattunge*|kanin*|hamster*|marsvin*|kjæledyr*|hest|hesten',
    sv: 'hund|hunden|hundar|hundarna|valp*|katt|katten|katter|katterna|kattunge*|kanin*|hamster*|marsvin*|husdjur*|häst|hästen',
    de: 'hund|hunde|hundes|welpe*|katze|katzen|kater|kätzchen|kaninchen|meerschwein*|haustier*|pferd|pferde',
    et: 'koer|koera*|koerad|kutsikas|kutsika*|kass|kassi|kassil|kassile|kassid|kassipoeg*|küülik*|hamster*|merisiga*|lemmiklo*|hobune|hobuse*',
    fi: 'koira*|koiran*|pentu*|penu*|kissa*|kissan*|kani*|hamsteri*|marsu*|lemmikki*|lemmikin*|hevonen|hevose*',
  },
  /** An animal falling ill (not "sick of waiting"). */
  petIllness: {
    en: 'been sick|being sick|poorly|vomit*|threw up|throwing up|diarrh*|lethargic|emergency vet|to the vet|to the vets|at the vet|at the vets|vet bill*|poisoned|seizure*',
    da: 'kastet op|kaster op|kastede op|opkast*|diarré|sløv|til dyrlægen|hos dyrlægen|dyrlægeregning*|akut dyrlæge|forgiftet|kramper',
    nb: 'kastet opp|kaster opp|oppkast*|diaré|sløv|til veterinær*|hos veterinær*|til dyrlege*|veterinærregning*|dyreklinikk*|forgiftet|kramper',
    sv: 'kräkts|kräktes|kräks|spydde|kräkning*|diarré|slö|till veterinär*|hos veterinär*|veterinärräkning*|djursjukhus*|förgiftad|kramper',
    de: 'erbricht|erbrochen|erbrach|übergeben|durchfall|apathisch|zum tierarzt|beim tierarzt|tierarztrechnung*|tierklinik*|vergiftet|krämpfe',
    et: 'oksend*|kõhulahtisus*|loid|loomaarsti juurde|loomaarsti juures|loomakliinik*|mürgitus*|krambid',
    fi: 'oksent*|oksensi|ripuli*|veltto|eläinlääkäriin|eläinlääkärissä|eläinlääkärille|eläinlääkärilasku*|eläinklinik*|eläinsairaala*|myrkytys*|kouristel*',
  },
  /** Furniture and fittings that can fall on someone. */
  furniture: {
    en: 'bookcase|bookshelf|shelf|shelves|shelving|wardrobe|chest of drawers|dresser|cabinet|cupboard|chair|stool|bed|bunk bed|cot|crib|high chair|highchair|table|ladder|tv|television|mirror|bracket|swing|trampoline|pram|pushchair|buggy',
    da: 'reol*|bogreol*|hylde*|skab*|klædeskab*|kommode*|stol*|taburet*|seng*|køjeseng*|tremmeseng*|højstol*|bord|bordet|stige*|fjernsyn*|spejl*|beslag*|gynge*|trampolin*|barnevogn*|klapvogn*',
    nb: 'bokhylle*|hylle*|skap*|klesskap*|kommode*|stol*|krakk*|seng*|køyeseng*|barneseng*|barnestol*|bord|bordet|stige*|tv-en|speil*|brakett*|huske*|trampoline*|barnevogn*|sportsvogn*',
    sv: 'bokhylla*|bokhyllan|hylla*|hyllan|skåp*|garderob*|byrå*|stol*|pall*|säng*|våningssäng*|spjälsäng*|barnstol*|bord|bordet|stege*|tv:n|spegel*|fäste*|gunga*|studsmatta*|barnvagn*|sittvagn*',
    de: 'bücherregal*|regal*|schrank*|kleiderschrank*|kommode*|stuhl|stühle|hocker*|bett|betten|hochbett*|etagenbett*|kinderbett*|hochstuhl*|tisch|leiter*|fernseher*|spiegel*|halterung*|schaukel*|trampolin*|kinderwagen*|buggy*',
    et: 'raamaturiiul*|riiul*|kapp|kapi*|riidekapp*|kummut*|tool|tooli*|taburet*|voodi*|narivoodi*|lastevoodi*|söögitool*|laud|laua*|redel*|teler*|peegel*|peegli*|kiik*|batuut*|lapsevanker*|käru*',
    fi: 'kirjahylly*|hylly*|kaappi*|kaapi*|vaatekaappi*|lipasto*|tuoli*|jakkara*|sänky*|sängy*|kerrossänky*|pinnasänky*|syöttötuoli*|pöytä*|pöydä*|tikka*|televisio*|peili*|kiinnik*|keinu*|trampoliini*|lastenvaun*|rattai*',
  },
  /** Tipping over or collapsing (not "the price fell"). */
  toppled: {
    en: 'tipped|tipping|toppled|toppling|fell over|fell forward|fell on|fell onto|fell down|came crashing|crashed down|collapsed|collapsing|gave way|broke under|came off the wall|pulled out of the wall',
    da: 'væltede|vælter|væltet|faldt ned|faldt forover|faldt om|faldt sammen|styrtede|kollaps*|brød sammen|gav efter|knækkede under|rev sig løs',
    nb: 'veltet|velter|veltet over|falt ned|falt forover|falt over|falt sammen|ramlet|kollaps*|brøt sammen|ga etter|knakk under|rev seg løs',
    sv: 'välte|föll ner|föll omkull|föll framåt|föll ihop|rasade|ramlade|kollaps*|gav vika|brast|gick sönder under|släppte från väggen',
    de: 'kippte|umgekippt|kippt|fiel um|fiel herunter|umgefallen|heruntergefallen|zusammengebrochen|brach zusammen|eingestürzt|stürzte|gab nach|nachgegeben|brach unter|aus der wand',
    et: 'kukkus ümber|kukkus kokku|kukkus ettepoole|kukkus alla|kukkus peale|vajus kokku|varises|murdus all|läks ümber|tuli seinast',
    fi: 'kaatui|kaatuivat|kaatumaan|romahti|romahtivat|pettivät|petti|hajosi alla|irtosi seinästä',
  },
  /** Parts of a vehicle whose failure is dangerous. */
  vehiclePart: {
    en: 'brake|brakes|brake pads|front wheel|back wheel|rear wheel|wheel nuts|steering|tyre|tyres|tire|tires|axle|handlebar*',
    da: 'bremse*|forhjul*|baghjul*|hjulmøtrik*|styretøj*|styret|dæk|dækket|aksel*',
    nb: 'brems*|forhjul*|bakhjul*|hjulmutter*|styring*|styret|dekk|dekket|dekkene|aksling*',
    sv: 'broms*|framhjul*|bakhjul*|hjulmutter*|styrning*|styret|däck|däcket|däcken|axel*',
    de: 'bremse*|bremsen|vorderrad*|hinterrad*|radmutter*|lenkung|lenker|reifen|achse',
    et: 'pidur*|esiratas|esiratta*|tagaratas|tagaratta*|rattamutr*|rool*|juhtraud*|rehv*|telg*',
    fi: 'jarru*|etupyörä*|takapyörä*|pyöränmutter*|ohjaus*|ohjaustanko*|rengas|renkaa*|akseli*',
  },
  /** A part that stopped working or came off. */
  partFailed: {
    en: 'stopped working|failed|failure|gave out|came loose|came off|fell off|locked up|locked|didn\'t work|did not work|barely worked|not working|went soft|seized',
    da: 'holdt op med at virke|op med at virke|virkede ikke|virker ikke|svigtede|svigt|løsnede|løs|faldt af|røg af|blokerede|låste',
    nb: 'sluttet å virke|sluttet|virket ikke|virker ikke|sviktet|svikt|løsnet|løs|falt av|låste seg|blokkerte',
    sv: 'slutade fungera|slutade|fungerade inte|fungerar inte|sviktade|lossnade|lös|släppte|ramlade av|låste sig',
    de: 'versagt|versagten|versagte|funktionierten nicht|funktionierte nicht|funktioniert nicht|löste sich|abgefallen|locker|blockierte|blockiert',
    et: 'lakkas*|ei töötanud|ei tööta|ütlesid üles|ütles üles|tuli lahti|tulid lahti|kukkus ära|lukustus*',
    fi: 'lakkasivat|lakkasi|eivät toimineet|ei toiminut|ei toimi|pettivät|petti|irtosi|löystyi|lukkiutui',
  },
  /** Chemicals: a chemical smell counts 1.5 (a yoga mat that reeks is a product fault; with sore eyes or a child it is a hazard). */
  chemical: {
    en: 'chemical|chemicals|chemically|solvent*|formaldehyde|ammonia|bleach|toxic|petrol|diesel',
    da: 'kemisk|kemikalie*|kemi|opløsningsmid*|formaldehyd|ammoniak|giftig*|benzin',
    nb: 'kjemisk|kjemikalie*|kjemi|løsemid*|formaldehyd|ammoniakk|giftig*|bensin',
    sv: 'kemisk|kemikalie*|kemi|lösningsmed*|formaldehyd|ammoniak|giftig*|bensin',
    de: 'chemisch*|chemikalie*|chemie|lösungsmittel*|formaldehyd|ammoniak|giftig*|benzin',
    et: 'keemili*|kemikaal*|keemia*|lahusti*|formaldehüüd*|ammoniaak*|mürgi*|bensiin*|diisel*',
    fi: 'kemiallinen|kemiallise*|kemikaal*|liuotin*|liuottim*|formaldehydi*|ammoniak*|myrkylli*|bensiin*|diesel*',
  },
  /** A young child. */
  child: {
    en: 'toddler|baby|son|daughter|child|kid|kids|children|year-old|grandson|granddaughter|little one',
    da: 'barn|barnet|søn|sønnen|datter|datteren|baby*|barnebarn*|årige|toårig*|treårig*|lille pige|lille dreng',
    nb: 'barn|barnet|sønn*|datter*|baby*|barnebarn*|åring*|toåring*|treåring*',
    sv: 'barn|barnet|sonen|dotter|dottern|bebis*|barnbarn*|åring*|tvååring*|ettåring*|treåring*',
    de: 'kind|kinder|kleinkind*|sohn|tochter|baby*|enkel*|enkelin|jährige*|jähriger',
    et: 'laps|lapse*|poeg|poja*|tütar|tütre*|beebi*|lapselaps*|aastane|kaheaastane|kolmeaastane',
    fi: 'lapsi|lapse*|poika*|tytär*|tyttö*|vauva*|taapero*|lapsenlaps*|vuotia*|kaksivuotia*',
  },
  /** Boxes and wrapping: "the box collapsed" is transit damage, not a hazard. */
  packaging: {
    en: 'box|boxes|carton|cardboard|packaging|package|parcel',
    da: 'kasse*|æske*|papkasse*|emballage*|pakke*',
    nb: 'eske*|kartong*|papp*|emballasje*|pakke*',
    sv: 'kartong*|låda|lådan|paket*|förpackning*|emballage*',
    de: 'karton*|kiste|verpackung*|paket*|schachtel*',
    et: 'karp*|kast|kasti*|pakend*|pakk*|paki*',
    fi: 'laatikko*|laatiko*|pahvi*|pakkaus*|paketti*|paketin',
  },
  /** Someone else getting into an account. */
  takeover: {
    en: 'taken over|took over|hacked|hijacked|compromised|broke into|broken into|got into|someone logged into|accessed',
    da: 'overtaget|overtog|hacket|kapret|brudt ind|logget ind på',
    nb: 'tatt over|tok over|hacket|hacka|kapret|brutt seg inn|logget inn på',
    sv: 'tagit över|tog över|hackat|hackad|hackades|kapat|kapad|kapades|tagit sig in|loggat in på',
    de: 'übernommen|gehackt|gekapert|eingeloggt|zugriff auf',
    et: 'üle võtnud|üle võetud|üle võttis|häkitud|häkkis|kaaperdatud|kaaperdas|sisse loginud',
    fi: 'kaapannut|kaapattu|kaapattiin|kaappasi|hakkeroitu|hakkeroi|murtautunut|murtauduttu|päässyt käsiksi',
  },
  /** A customer's account with the shop. */
  customerAccount: {
    en: 'my account|account|customer account|login|profile',
    da: 'min konto|konto|kontoen|kundekonto*|profil*',
    nb: 'kontoen min|min konto|konto|kontoen|kundekonto*|profil*',
    sv: 'mitt konto|konto|kontot|kundkonto*|profil*',
    de: 'mein konto|meinem konto|konto|kundenkonto*|profil*',
    et: 'minu konto*|konto*|kliendikonto*|profiil*',
    fi: 'tilini|tili|tilin|tiliin|tilille|asiakastili*|profiili*',
  },
  /** An allergy or coeliac disease. */
  allergyCondition: {
    en: 'allergy|allergies|allergic|coeliac|celiac|intolerant|intolerance|anaphyla*',
    da: 'allergi*|allergisk*|cøliaki|cøliaker|glutenintolerant|laktoseintolerant',
    nb: 'allergi*|allergisk*|cøliaki|cøliaker*|glutenintoleran*|laktoseintoleran*',
    sv: 'allergi*|allergisk*|celiaki|celiakiker*|glutenintolerant|laktosintolerant',
    de: 'allergi*|allergisch*|zöliakie|zöliakiker*|glutenunverträglich*|laktoseintolerant*',
    et: 'allergi*|allergiline*|tsöliaakia*|gluteenitalumatus*|laktoositalumatus*',
    fi: 'allergi*|allerginen*|allergise*|keliakia*|keliaakikko*|laktoosi-intoleranssi*',
  },
  /** The allergen turning up or the body reacting. */
  allergyTrigger: {
    en: 'may contain|traces of|undeclared|ill|sick|reaction|symptoms|ate|eaten|after eating|swollen|hives|rash|vomit*|cramps|small print',
    da: 'kan indeholde|indeholdt|indeholder|spor af|syg|var dårlig|blev dårlig|reaktion|symptomer|spiste|spist|hævede|nældefeber|udslæt|kastede op|mavekramper|kramper',
    nb: 'kan inneholde|inneholdt|inneholder|spor av|syk|var dårlig|ble dårlig|reaksjon|symptomer|spiste|spist|hoven|elveblest|utslett|kastet opp|magekramper|kramper',
    sv: 'kan innehålla|innehöll|innehåller|spår av|sjuk|mådde dåligt|blev dålig|reaktion|symtom|åt|ätit|svullen|nässelutslag|utslag|kräktes|magkramper|kramper',
    de: 'kann spuren|spuren von|enthielt|enthält|krank|reaktion|symptome|gegessen|aß|geschwollen|nesselsucht|ausschlag|erbrochen|bauchkrämpfe|krämpfe',
    et: 'võib sisaldada|sisaldas|sisaldab|haige|reaktsioon*|sümptom*|sõi|söönud|paistes|nõgeslööve|lööve|oksendas|kõhukrambid|krambid',
    fi: 'voi sisältää|sisälsi|sisältää|jäämiä|sairas|kipeänä|kipeäksi|reaktio*|oire*|söi|syönyt|syötyään|turvon*|nokkosihottuma|ihottuma|oksensi|vatsakrampit|kramppe*',
  },
  /** Swallowing something. */
  swallowAct: {
    en: 'swallowed|swallowing|swallow',
    da: 'slugte|slugt|sluget|sluge',
    nb: 'svelget|svelgde|svelge|slukte',
    sv: 'svalde|svalt|svälja|sväljt',
    de: 'verschluckt|verschluckte|geschluckt|schluckte|verschlucken',
    et: 'neelas|neelanud|neelata',
    fi: 'nieli|niellyt|nielaisi|nielaissut|niellä',
  },
  /** Warning people (not "a warning light"). */
  warnAct: {
    en: 'warn|warning|alert|alerting',
    da: 'advare|advarer|gøre ... opmærksom',
    nb: 'advare|advarer|gjøre ... oppmerksom',
    sv: 'varna|varnar|uppmärksamma',
    de: 'warnen|warne|aufmerksam machen',
    et: 'hoiatada|hoiatan|hoiatame',
    fi: 'varoittaa|varoitan|varoittamaan|varoittaisin',
  },
  /** Other people like the customer: the audience of a warning. */
  otherPeople: {
    en: 'other parents|the other parents|other people|other customers|other families|other owners|other dog owners|other pet owners|other mums|other dads|other residents|other buyers|others|everyone i know',
    da: 'andre forældre|andre kunder|andre familier|andre ejere|andre hundeejere|andre mennesker|andre folk|andre købere|alle jeg kender',
    nb: 'andre foreldre|andre foreldrene|andre kunder|andre familier|andre eiere|andre hundeeiere|andre folk|andre kjøpere|alle jeg kjenner',
    sv: 'andra föräldrar|andra föräldrarna|andra kunder|andra familjer|andra ägare|andra hundägare|andra människor|andra köpare|alla jag känner',
    de: 'anderen eltern|andere eltern|anderen kunden|andere kunden|anderen familien|andere familien|andere hundebesitzer|anderen hundebesitzer|andere leute|andere käufer|alle die ich kenne',
    et: 'teisi vanemaid|teised vanemad|teisi kliente|teised kliendid|teisi peresid|teisi koeraomanikke|teisi inimesi|teisi ostjaid|kõiki tuttavaid',
    fi: 'muita vanhempia|muille vanhemmille|muita asiakkaita|muille asiakkaille|muita perheitä|muita koiranomistajia|muita ihmisiä|muita ostajia|kaikkia tuttujani',
  },
};
