/**
 * Cues for urgent and high severity, per language, in the cue syntax of cues.ts, separated by
 * "|". Strengths as in categories: strong 2, medium 1.5, normal 1, weak 0.5. A complaint is
 * urgent at 2: one strong cue, or weaker ones together ("hospital" + "injured"). Phrases keep the
 * cues precise: "caught fire" not "fire" (Danish and Norwegian "fire" is four), "take you to court"
 * and "court" rather than "of course", "leave a review"/"Trustpilot" rather than "review".
 * Cues are folded like the text (diacritics stripped), so check a new cue does not fold onto an
 * ordinary word: Finnish "vaara" (danger) folds like "väärä" (wrong) and is therefore not a cue.
 * A safety cue written "~dangerous" is cancelled by a negation just before it ("it is not
 * dangerous"); other safety cues never are. Pairs of concepts ("someone else's … photos") are in
 * severity-concepts.ts. English cues count for every language, so a cue the English list has at
 * the same strength (trustpilot, gdpr) is not repeated in the others.
 */
export type UrgentKind = 'legal' | 'authority' | 'safety' | 'exposure' | 'data';

export interface StrengthLists {
  strong?: string;
  medium?: string;
  normal?: string;
  weak?: string;
}

export const URGENT_CUES: Record<UrgentKind, Record<string, StrengthLists>> = {
  legal: {
    en: {
      strong:
        'debt collector*|debt collection|collection agency|collections agency|debt recovery agency|bailiff*|whoever ends up deciding|whoever decides this|whoever has to decide|whoever ends up ruling|tenancy tribunal|first-tier tribunal|money claim*|mcol|ccj|county court judgment|small-claims|claim through the courts|legal expenses insurance|legal cover|lawyer*|solicitor*|attorney*|legal action|legal proceedings|legal steps|take legal|lawsuit|litigation|sue you|sue your|sue the|sue them|will sue|going to sue|suing|sued|take you to court|see you in court|to court|in court|small claims|county court|letter before action|court claim|claim against you|issue proceedings',
      medium: 'my insurer|my insurer\'s|my insurers|our insurers|my home insurer|claims team|subrogat*|recover the cost from you|recover the costs from you|court|legal advice|legally|breach of contract|on my behalf|represent me|representing me|act for me|acting for me',
      normal: 'legal',
      weak: 'my rights|consumer rights act|statutory rights|professionally',
    },
    da: {
      strong: 'inkasso*|*inkassobureau*|fogeden|ender med at afgøre|skal afgøre sagen|retshjælp*|småsag*|fogedretten|kontaktet en jurist|inkassosag mod jer|advokat*|retssag*|sagsøg*|stævning*|stævne jer|i retten|domstol*|juridiske skridt|politianmeld*|erstatningskrav|kræve erstatning',
      medium: 'mit forsikringsselskab|vores forsikringsselskab|regres*|jurist*|retten|juridisk*|på mine vegne|repræsentere mig',
      weak: 'mine rettigheder|købeloven|forbrugerrettigheder',
    },
    nb: {
      strong: 'inkasso*|*inkassobyrå*|namsmann*|namsfogd*|til slutt skal avgjøre|skal avgjøre saken|rettshjelp*|rettens vei|kontaktet en jurist|forliksklage*|advokat*|rettssak*|søksmål*|saksøk*|forliksråd*|stevning*|tingrett*|domstol*|juridiske skritt|politianmeld*|erstatningskrav|kreve erstatning',
      medium: 'forsikringsselskapet mitt|forsikringsselskapet vårt|regress*|jurist*|juridisk*|på mine vegne|representere meg|ta saken videre',
      weak: 'mine rettigheter|forbrukerkjøpsloven|forbrukerrettigheter',
    },
    sv: {
      strong: 'inkasso*|*inkassobolag*|till slut ska avgöra|ska avgöra ärendet|rättsskydd*|kontaktat en jurist|anlitat en jurist|anlita en jurist|kronofogde*|betalningsföreläggande|tvistemål|småmål|advokat*|stämma er|stämningsansökan|rättegång*|tingsrätt*|domstol*|juridiska åtgärder|polisanmäl*|kräva skadestånd|skadestånd*',
      medium: 'mitt försäkringsbolag|vårt försäkringsbolag|regress*|jurist*|juridisk*|för min räkning|å mina vägnar|företräda mig|driva ärendet vidare',
      weak: 'mina rättigheter|konsumentköplagen',
    },
    de: {
      strong: 'inkasso*|*inkasso|gerichtsvollzieher*|am ende darüber entscheidet|am ende entscheidet|wer darüber entscheidet|mahnbescheid*|mahngericht*|rechtsschutz*|klage erheben|klageweg|zivilklage|anwalt*|*anwalt|anwältin*|anwaltlich*|rechtliche schritte|rechtlich vorgehen|rechtlich gegen|klage einreichen|reiche klage|klage ein|verklagen|verklage|vor gericht|gerichtlich*|amtsgericht*|landgericht*|gerichtsverfahren|mahnverfahren|strafanzeige*|anzeige erstatten|anzeige gegen|schadensersatz*|schadenersatz*',
      medium: 'meine versicherung|unsere versicherung|regress*|juristisch*|rechtlich*|in meinem namen|in meinem auftrag|mich vertreten|vertritt mich',
      weak: 'meine rechte|verbraucherrecht*',
    },
    et: {
      strong: 'inkasso*|lõpuks ... otsustab|kes selle üle otsustab|õigusbüroo*|kohtutäitur*|maksekäsk*|hagiavaldus*|kohtu kaudu|advokaa*|kohtusse|kohtu*|kohus|hagi*|õigusabi|juristi*|politseisse|avaldus politseile|kahjunõue|kahjuhüvitis*|maksekäsu*|kahjunõu*|väiksema nõude*|kohtuasi*|kohtuasja*',
      medium: 'minu kindlustus*|meie kindlustus*|regressi*|jurist|minu nimel|esindama|esindab mind',
      weak: 'minu õigused|seaduse järgi|võlaõigusseadus*',
    },
    fi: {
      strong: 'perintätoimisto*|perintäyhtiö*|perintään|perinnässä|perintäkirje*|ulosott*|oikeusturva*|lopulta ... päättää|joka asiasta päättää|oikeusapu*|oikeusturvavakuutu*|asianajotoimisto*|vaatimuskirje*|käräjille|haastehakemu*|riita-asia*|oikeusteitse|asianajaja*|lakimie*|oikeuteen|oikeudessa|haastan|haaste*|käräjä*|oikeusto*|rikosilmoitu*|poliisille|vahingonkorvau*|oikeudenkäyn*|oikeusjuttu*|oikeusjutu*|haastaa|haastamme|käräjöi*|juristi*|korvausvaatimu*|pienvaatimu*|oikeusavu*',
      weak: 'oikeuksiani|kuluttajansuojalain|kuluttajansuojalaki',
      medium: 'vakuutusyhtiöni|vakuutusyhtiömme|takautumis*|puolestani|edustamaan',
    },
  },
  authority: {
    en: {
      strong:
        'who regulate*|that regulates|which regulates|who oversee*|that oversees|who handle* complaints|that handles complaints|who deal* with complaints|that deals with complaints|who supervise*|that supervises|energy regulator|telecoms regulator|communications regulator|water regulator|housing ombudsman|property ombudsman|energy ombudsman|financial ombudsman|my mp|local mp|member of parliament|consumer rights organisation|consumer watchdog|trading standards|citizens advice|ombudsman|consumer protection|consumer authority|consumer council|information commissioner|ico|advertising standards authority|financial conduct authority|competition and markets authority|cma|ftc|federal trade commission|better business bureau|bbb|ofcom|ofgem|ofwat|environmental health|food standards|report you to|reporting you to|reported you to|report this to the police|report you to the police|the regulator|your regulator|industry regulator|action fraud|reported it to the police|reported this to the police|data protection authority|data protection commission|data protection commissioner|data protection agency|supervisory authority|dpa',
      medium: 'police|authorities|fraud*|unauthorised|unauthorized',
    },
    da: {
      strong: 'behandler klager|fører tilsyn|tilsynsmyndighed*|*ankenævn*|energistyrelsen|forsyningstilsynet|finanstilsynet|teleklage*|huslejenævn*|beboerklagenævn*|center for klageløsning|klageløsning|forbrug.dk|klageskema* på forbrug|*klagenævn*|forbrugerjura|forbrugeroplysning*|forbrugerombudsmand*|forbrugerklagenævn*|nævnenes hus|forbrugerrådet|forbrugerstyrelsen|konkurrence- og forbrugerstyrelsen|sikkerhedsstyrelsen|fødevarestyrelsen|datatilsynet|ankenævn*|anmelde jer|anmelder jer|anmeldt jer',
      medium: 'politiet|myndighed*|tilsyn*|svindel|misbrug*|uautoriser*|klageskema*',
    },
    nb: {
      strong: 'behandler klager|fører tilsyn|hvor man klager|klageorgan*|tilsynsmyndighet*|nkom|finanstilsynet|reguleringsmyndigheten for energi|ekomnemnda|ekom*|husleietvistutvalg*|husleietvist*|*klagenemnd*|forbrukerportalen|forbrukereuropa|forbrukerrådet|forbrukertilsynet|forbrukerklageutvalget|forbrukerombud*|forliksrådet|dsb|mattilsynet|datatilsynet|nemnd*|anmelde dere|anmelder dere|melde dere|melder dere|meldt fra til',
      medium: 'politiet|myndighet*|tilsyn*|melde det til|melder det til|svindel|misbruk*|uautoriser*',
    },
    sv: {
      strong: 'behandlar klagomål|prövar klagomål|utövar tillsyn|har tillsyn över|tillsynsmyndighet*|där man anmäler|pts|post- och telestyrelsen|energimarknadsinspektionen|finansinspektionen|hyresnämnd*|*reklamationsnämnd*|konsumentverk*|kommunens konsumentrådgiv*|konsumentrådgivar*|anmälan till|allmänna reklamationsnämnden|arn|konsumentverket|konsumentombudsman*|konsumentvägledning*|hallå konsument|imy|integritetsskyddsmyndighet*|elsäkerhetsverket|livsmedelsverket|anmäla er|anmäler er|anmält er|anmäla det|anmäler det|anmäla ärendet|anmäler ärendet',
      medium: 'polisen|myndighet*|tillsyn*|bedrägeri*|obehörig*',
    },
    de: {
      strong: 'beschwerden ... bearbeitet|die aufsicht über|aufsicht führt|zuständige aufsicht|bundesnetz*|schlichtungsstelle energie|schlichtung*|verbraucherschlichtung*|verbraucherberatung*|marktwächter|stiftung warentest|verbraucherzentrale*|verbraucherschutz*|landesbeauftragt*|datenschutzbeauftragt*|schlichtungsstelle*|ombudsstelle*|ombudsmann|datenschutzbehörde*|datenschutzaufsicht*|aufsichtsbehörde*|landesdatenschutz*|bundesnetzagentur|bafin|gewerbeaufsicht*|lebensmittelaufsicht|gesundheitsamt|melde sie|bei der polizei',
      medium: 'polizei|behörde*|melden werde|betrug*|nicht autorisiert*',
    },
    et: {
      strong: 'teeb järelevalvet|järelevalvet teostav*|kaebusi menetle*|menetleb kaebusi|konkurentsiamet*|finantsinspektsioon*|üürikomisjon*|*vaidluskomisjon*|tarbijakaitseamet*|tarbijaõiguste|tarbijakaitse*|tarbijavaidluste komisjon*|ttja|tehnilise järelevalve|andmekaitse inspektsioon*|andmekaitse inspektsiooni*|aki|lepitusorgan*|tarbijavaidlus*|järelevalveamet*',
      medium: 'politsei*|järelevalve*|teavitan*|teavitanud|pettus*|volitamata|inspektsioon*',
      weak: 'amet*|pöördun*|pöördunud',
    },
    fi: {
      strong: 'joka valvoo|jotka valvovat|valvova* viranomai*|käsittelee valituksia|käsittelevät valituksia|traficom*|energiavirasto*|finanssivalvon*|vuokralautakun*|asumisriita*|kuluttajaneuvonta*|kuluttajansuojaviranomai*|kuluttajariit*|riitalautakunta*|kuluttajaneuvon*|kuluttaja-asiamie*|kuluttajariitalautakun*|kkv|kilpailu- ja kuluttajavirasto|tietosuojavaltuutet*|tukes*|ruokavirasto|ruokavirasto*|aluehallintovirasto*|kuluttajavirasto*',
      medium: 'poliisi*|viranomai*|teen ilmoituksen|petos*|luvaton|luvattomi*',
      weak: 'ilmoitan*',
    },
  },
  safety: {
    en: {
      strong: 'got a tingle|a tingle|tingling from|tingle up my|live to the touch|mouse droppings|rodent droppings|rat droppings|maggot|maggots|cockroach*|weevils|live insect*|dead mouse|dead insect*|blistered|emergency dent*|thrown off|went flying|urgent care|walk-in centre|minor injuries|out-of-hours doctor|could not breathe|struggling to breathe|difficulty breathing|swollen lips|swollen tongue|throat closing|piece of metal|bit of metal|metal fragment*|shard of|shards of|burst into|bursting into|smouldering|smoldering|charred|singed|drown*|under the water|went under|suffocat*|strangl*|tipped over with|toppled|fell on|crushed his|crushed her|trapped his|trapped her|could have been killed|nearly killed|near miss|accident|collision|reversed into|crashed into|poisoning|poisoned|collapsed|violently sick|on a drip|the vet says|emergency vet|swallowed|swallowing|had to have surgery|needed surgery|operated on|burning plastic|before a child|before someone gets hurt|caught fire|catch fire|caught on fire|on fire|set on fire|burst into flames|went up in flames|flames|fire hazard|fire risk|fire brigade|fire service|fire department|fire extinguisher|electric shock|electrocut*|explod*|explosion|hospitalised|hospitalized|a&e|a & e|emergency room|er visit|ambulance|needed stitches|had stitches|for stitches|allergic reaction|anaphyla*|epipen|adrenaline|choking|choke hazard|carbon monoxide|gas leak|smell of gas|safety hazard|health hazard|sparks|sparking|sparked|burnt my|burned my|burnt his|burned his|burnt her|burned her|burns to|bleeding|broke his|broke her|broke my|broken arm|broken leg|broken wrist|fractur*|concussion|shards|pieces of glass|food poisoning|salmonella|listeria|could have killed|could have died|someone gets hurt|someone will get hurt|someone gets killed|someone dies|life threatening|life-threatening|smell of burning|burning smell|scorch mark*|poisoned|toxic fumes|gas smell*|smell* ... gas|smelt ... gas|smelled ... gas|whiff of gas|reek* of gas|stink* of gas|shard*|splinter of|splinters of|poison control|poisons centre|poison centre|poisons information|nhs 111|called 111|rang 111|walk-in clinic|minor injury unit|urgent treatment centre|emergency department|casualty|~injur*',
      medium: 'blister*|stitches|cracked a tooth|broke a tooth|chipped tooth|cracked tooth|hives|rash|swelling|swollen|nurse|sliver*|fragment*|red hot|red-hot|too hot to touch|scorching|boiling water|fell off|knocked over|unconscious|passed out|hospital|death trap|scorch*|scald*|poison*|undeclared|not safe|glass in|splinter*|~dangerous|~unsafe|~hazard*|~risk to|~safety|paediatrician|pediatrician',
      normal: 'molar|gp surgery|fell|tripped|smoke|smoking|fumes|overheat*|cut his|cut her|cut my|blood|recall*|shock|burn*|melted|a doctor|the doctor|gp|~hurt|bled|clinic|the gp|a gp|bruised|bruising|bruises',
      weak: 'dentist|dental|tooth|child|children|toddler|baby|son|daughter',
    },
    da: {
      strong: 'museekskrement*|muselort*|rottelort*|maddiker|kakerlak*|levende insekt*|død mus|døde insekter|en snert af strøm|kildede i|*brandsår*|*forbrænd*|skoldet|skoldede|skoldning*|vagtlæge*|lægevagt*|akutmodtagelse*|skadestue*|åndenød|vejrtrækningsbesvær|hævede læber|svedet|svedne|forkullet|glødende varm*|*glasstykke*|metalstykke*|metalsplint*|brandsår*|drukn*|under vandet|kvæl*|væltede med|væltede ned over|faldt ned over|klemte|ulykke*|påkørt|bakkede ind i|forgiftning*|faldt om|kastede voldsomt op|ligger på drop|dyrlægen|slugte|slugt|blev opereret|måtte opereres|brændt plastik|lugt af brændt|kom* til skade|gik i brand|går i brand|brandfare|brandfarlig*|brandskade*|brandsår|brandvæsen*|brandalarm*|ildslukker|brændemærke*|elektrisk stød|fik stød|stød fra|eksploder*|kom til skade|kvæstet|kvæstelse*|personskade*|skadestue*|ambulance*|allergisk reaktion|allergisk chok|kvælning*|kvælningsfare|giftig*|forgiftning*|madforgiftning|gnister|gnistrede|gnistre|glasskår|glasstykker|livsfarlig*|kunne have slået|kunne være død|brændt mig|brændte mig|brandsårene|røgudvikling|brækkede armen|brækkede benet|brækkede håndleddet|gaslugt*|lugt* ... gas|lugter ... gas|gasudslip|giftlinjen|lægevagten|skadestuen|tandskade*',
      medium: 'vable*|blære*|nældefeber|udslæt|hævet|hævede|brændvarm*|kogende vand|faldt af|besvimede|syet|røgen|overophed*|brændt|brændte|brand i|sygehus*|hospital*|splint*|~farlig*|~*fare|~sikkerhedsrisiko|~fare for|blå mærker|børnelæge*',
      normal: 'smeltede|smeltet|skadet|slog sig|blod|tilbagekald*|kalde partiet tilbage|lægen|læge|blødte|blødning*',
      weak: 'tandlæge*|klinik*|røg|sikkerhed*|barn|børn|datter|søn',
    },
    nb: {
      strong: 'museskitt*|muselort*|museekskrement*|rotteskitt*|kakerlakk*|levende insekt*|død mus|døde insekter|kriblet i|*brannsår*|*brannskad*|skåldet|skåldingsskade*|akutten|akuttmottak*|pustevansker*|pustebesvær|hovne lepper|svidd|svidde|forkullet|glovarm*|*glassbit*|metallbit*|metallsplint*|kortslutning*|brannsår*|kalle tilbake|drukn*|under vannet|kvel*|veltet med|veltet over|falt ned over|klemte|ulykke*|påkjørt|rygget inn i|forgiftning*|falt om|kastet voldsomt opp|veterinæren|svelget|ble operert|måtte opereres|brent plast|lukt av brent|kom* til skade|blir skadet|tok fyr|tatt fyr|begynte å brenne|brannfare|brannfarlig*|brannskade*|brannvesen*|brannalarm*|brannslukk*|svimerke*|brent merke|elektrisk støt|fikk støt|støt fra|eksploder*|skadet seg|kom til skade|personskade*|legevakt*|ambulanse*|allergisk reaksjon|allergisk sjokk|kvelning*|kvelningsfare|giftig*|forgiftning*|matforgiftning|gnister|gnistret|gnistre|glassbiter|glasskår|livsfarlig*|kunne ha drept|kunne vært død|brent meg|brente meg|røykutvikling|brakk armen|brakk beinet|brakk håndleddet|gasslukt*|lukt* ... gass|lukter ... gass|gasslekkasje*|giftinformasjon*',
      medium: 'vable*|blemme*|elveblest|utslett|hoven|hovne|kokende vann|falt av|besvimte|sydd|røyk|røyken|overopphet*|brent|brente|brann i|sykehus*|splint*|fastlege*|~farlig*|~*fare|~sikkerhetsrisiko|~fare for|blåmerker|barnelege*',
      normal: 'smeltet|skadet|slo seg|blod|tilbakekall*|trekke det tilbake|legen|lege|brukket|blødde|blødning*',
      weak: 'tannlege*|klinikk*|legekontor*|sikkerhet*|barn|barna|datter|sønn',
    },
    sv: {
      strong: 'musspillning*|råttspillning*|musbajs|kackerlack*|levande insekt*|död mus|döda insekter|stickningar i|*brännblås*|*brännskad*|skållad*|skållning*|vårdcentral*|närakut*|andnöd|andningssvårighet*|svullna läppar|sveda*|svedd*|förkolnad*|glödhet*|*glasbit*|metallbit*|metallflisa*|kortslut*|drunkn*|under vattnet|kväv*|välte med|välte över|föll över|klämde|olycka*|olyckan|påkörd|backade in i|förgiftning*|föll ihop|kräktes våldsamt|veterinären|svalde|svalt ... magnet*|opererades|fick opereras|bränd plast|luktade bränt|kommer till skada|kom till skada|fattade eld|började brinna|brandfara|brandrisk|brandfarlig*|brandskada*|brännskad*|brandkår*|räddningstjänst*|brandlarm*|brandsläck*|brännmärke*|elektrisk stöt|fick en stöt|stöt från|exploder*|skadade sig|skadade mig|skadat sig|personskada*|akuten|ambulans*|allergisk reaktion|allergisk chock|kvävning*|kvävningsrisk|giftig*|förgiftning*|matförgiftning|gnistor|gnistrade|gnistra|glasbitar|glassplitter|livsfarlig*|kunde ha dödat|kunde ha dött|brände mig|bränt mig|rökutveckling|bröt armen|bröt benet|bröt handleden|gaslukt*|lukt* ... gas|luktar ... gas|luktade ... gas|gasläcka*|giftinformation*',
      medium: 'blåsor|brännblåsa|nässelutslag|utslag|svullen|svullna|kokande vatten|ramlade av|svimmade|sydde|sy|röken|ryka|rykte|överhett*|bränd|brände|brännhet*|brand i|sjukhus*|flisa*|läkaren|~farlig*|~*risk|~säkerhetsrisk*|~risk för|blåmärken|barnläkare*',
      normal: 'smälte|smält|skadad|slog sig|blod|återkalla*|dra tillbaka|dras tillbaka|läkare|brutit|blödde|blödning*',
      weak: 'tandläkar*|klinik*|rök|säkerhet*|barn|barnen|dotter',
    },
    de: {
      strong: 'mäusekot|mausekot|rattenkot|kakerlake*|lebende insekt*|tote maus|tote insekten|madenbefall|kribbeln in|gekribbelt|*brandblase*|*brandwunde*|*verbrenn*|verbrüht|hausarzt*|klinikum|notarzt*|atemnot|keine luft bekommen|geschwollene lippen|gekokelt|kokelt|kokeln|angekokelt|verkohlt*|angesengt|glühend heiß|*glasstück*|metallstück*|metallsplitter*|kurzschluss|ertrink*|ertrunken|unter wasser|erstick*|stranguli*|umgekippt mit|umgekippt|eingeklemmt|unfall*|*unfall|angefahren|gegen mein|vergiftung*|vergiftet|zusammengebrochen|tierarzt sagt|verschluckt|verschlucken|wurde operiert|operiert werden|verbranntes plastik|zu schaden kommen|zu schaden gekommen|feuer gefangen|fing feuer|in brand|brandgefahr|brandschaden*|brandloch|brandfleck*|brandmelder|feuerwehr|feuerlöscher|verschmort|verkohlt|stromschlag|elektrischen schlag|explodiert*|verbrennung*|hand verbrannt|verbrüh*|notaufnahme|notarzt|rettungswagen|genäht werden|allergische reaktion|allergischer schock|erstick*|giftig*|vergiftung*|lebensmittelvergiftung|funken|glassplitter|glasscherben|lebensgefährlich*|hätte tot|tödlich*|hätte sterben|brandgeruch|arm gebrochen|bein gebrochen|mich geschnitten|sich geschnitten|daran geschnitten|gasgeruch*|riecht ... gas|roch ... gas|gasleck*|gas ausgetreten|giftnotruf*|giftinformationszentrum*|ärztlicher notdienst|notfallpraxis|scherbe*|glasscherbe*|~verletzt*|~verletzung*|nach gas|gasgestank|ärztlicher bereitschaftsdienst',
      medium: 'blasen|notdienst|nesselsucht|ausschlag|geschwollen*|angeschwollen*|kochendes wasser|kochend heiß|gestürzt|sturz|ohnmächtig|genäht|verbrann*|rauch|überhitz*|qualm*|brannte|verbrannt|krankenhaus*|splitter|~gefährlich*|~*gefahr|~sicherheitsrisiko|~gefahr|~unsicher|bluterguss|blaue flecken|prellung*|kinderarzt*|kinderärzt*',
      normal: 'geschmolzen|blut|zurückgerufen|arzt|geschnitten|blutete|blutung*',
      weak: 'zahnarzt*|sicherheit*|rückruf*|kind|kinder|tochter|sohn',
    },
    et: {
      strong: 'sain löögi|elektrilöögi*|hiire väljaheit*|hiirte väljaheit*|roti väljaheit*|vaglad|vaklad|tõugud|prussak*|elusad putukad|surnud hiir*|surnud putuk*|*põletushaav*|*põletu*|villid|villides|perearst*|emo-sse|emosse|hingamisraskus*|hingata ei saanud|paistes huul*|kõrbenud|söestunud|tulikuum*|*klaasitük*|metallitük*|metallikil*|lühis*|uppu*|vee alla|lämbu*|kägista*|läks ümber koos|kukkus peale|muljus*|õnnetus*|otsa sõitis|sõitis otsa|vastu minu|mürgitus*|mürgistus*|kokku kukkus|loomaarst*|neelas|alla neelanud|opereeri*|põlenud plastik*|viga saab|viga saanud|süttis põlema|tulekahju*|leegid|leek*|tuleoht*|päästeamet*|tulekustut*|kustuti|elektrilöök*|plahvat*|vigastus*|vigastas|vigastada|viga saanud|sai viga|emo|erakorralise meditsiini|kiirabi*|õmmeldi|allergiline reaktsioon|lämbu*|mürgi*|toidumürgitus|sädeme*|säde|klaasikillud|klaasikild*|eluohtlik*|oleks võinud surra|põletus*|põletas|kõrbemisjälg|murdis käe*|murdis jala*|murdis *luu|luumurd*|gaasilõhn*|gaasi lõhn*|gaasileke*|gaasilekke*|lõhnab gaasi*|mürgistusinfo*|perearsti*|allergilise reaktsiooni*|anafülak*|gaasi järele|gaasi järgi|gaasihais*',
      medium: 'nõgestõbi|lööve|paistes|hõõgu*|keev vesi|keeva vee*|kukkus|minestas|õmmel*|verine|veriseks|suits*|ülekuume*|süttis|põlema|haigla*|kõrbe*|veritses*|verejooks*|kild*|killu*|~ohtlik*|~*oht|~oht|allergili*|lööbe*|lööve*|paiste*|sinika*|lastearst*',
      normal: 'sulas|sulanud|veri|tagasi kutsu*|müügilt eemalda*|arst|murdsin|murdis|arsti*',
      weak: 'hambaarst*|kliinik*|põles|ohutus*|laps|lapsed|lapse|tütar|poeg',
    },
    fi: {
      strong: 'hiiren papan*|hiirenpapan*|rotan papan*|toukkia|toukat|torakka*|torakoita|eläviä hyönteisiä|kuollut hiiri|kuolleita hyönteisiä|kihelmöi|*palovam*|rakkul*|terveyskeskuk*|terveyskeskus*|terveysasem*|päivystys*|hengitysvaike*|ei saanut henkeä|turvonneet huule*|kärähti|kärähtänyt|hiiltyi|hiiltynyt|hehkuvan kuuma*|tulikuuma*|*lasinpal*|metallinpal*|metallisiru*|oikosulk*|palanee*|hukku*|veden alle|tukehtu*|kuristu*|kaatui ... kanssa|kaatui päälle|puristu*|onnettomuu*|törmäsi|peruutti päin|myrkyty*|lyyhistyi|eläinlääkäri*|nieli|nielaissut|leikattiin|leikkaukseen|palanut muovi|palaneen hajua|vahingoittu*|syttyi palamaan|syttyi tuleen|tulipalo*|palovaara*|palokun*|pelastuslaito*|sammutin|sähköisku*|räjähti|räjähdys|räjähtä*|loukkaantu*|vamma*|palovamma*|päivystyk*|päivystykseen|ambulanssi*|tikkejä|tikattiin|allerginen reaktio|tukehtu*|myrky*|ruokamyrkytys|kipinöi*|kipinä*|lasinsiru*|hengenvaarallinen|olisi voinut kuolla|palanut jälki|murtuma|kaasun haju*|kaasunhaju*|haisee kaasu*|haisi kaasu*|kaasuvuoto*|myrkytystietokeskus*|lasinpala*|sirpale*|päivystykse*|terveyskeskukse*|palo|palon|paloa|palossa|paloon|palosta|*palo|palohälyt*|allergisen reaktio*|anafylak*|hätänumero*',
      medium: 'nokkosihottu*|ihottum*|turvo*|kiehuva*|pyörtyi|tikit|haavoi*|haava*|verissä|käry*|mustunut|hengenvaara|hukkumisvaara|tukehtumisvaara|kuristumisvaara|loukkaantumisvaara|savu*|ylikuumen*|sairaala*|paloi|vuoti verta|verenvuoto*|~vaarallinen|~vaarallista|allergi*|mustelma*|lastenlääkär*',
      normal: 'lääkäri*|suli|sulanut|veri|takaisinveto*|vedettävä pois|vetää heti pois|lääkäri|murtui',
      weak: 'hammaslääkär*|turvallisuus*|lapsi|lapset|tytär|poika',
    },
  },
  exposure: {
    en: {
      strong:
        'my side of the story|wants my story|want my story|wants to run a story|neighbourhood ... group|local facebook group|community facebook group|community group|residents group|nextdoor|village facebook|parents whatsapp|school whatsapp|to the press|contact the press|contacting the press|tell the press|alert the press|letters page|consumer programme|consumer show|my followers|my subscribers|trustpilot|google review*|one-star|one star|1 star|1-star|zero stars|bad review|negative review|terrible review|leave a review|leaving a review|post a review|write a review|writing a review|social media|go public|going public|to the press|the papers|newspaper*|journalist*|reporter*|local paper|watchdog|tell everyone|warn others|warn other customers|go viral|our readers|tripadvisor|yelp|people following|people follow my|hit publish|before i publish|going to publish|will publish|publish it|publishing it|radio show|radio programme|radio station|local radio|consumer reporter|my ... channel|my ... blog|my ... vlog|my ... podcast|people follow*',
      medium: 'goes live|go live|going live|will be published|facebook group|whatsapp group|on air|followers|subscribers|influencer|google|linkedin|blog|vlog|podcast|forum*|statement by|bbc|the media|tell the world|posting the whole story|post this|posting this|share this|sharing this|facebook|twitter|instagram|tiktok|reddit|youtube|mumsnet|my page|on the radio|on tv|on television|tv programme|tv show',
      weak: 'review|reviews|post|news|online|publish*|write it up|writing it up|writing up',
    },
    da: {
      strong: 'lokalgruppe*|nabogruppe*|kvartersgruppe*|kvarterets ... gruppe*|lokale ... facebookgruppe*|min historie|forældregruppe*|mine følgere|læserbrev*|forbrugerprogram*|tv-program*|dårlig anmeldelse|en anmeldelse på|giver jer en anmeldelse|skrive en anmeldelse|skriver en anmeldelse|sociale medier|medierne|avisen|aviserne|lokalavis*|dagblad*|facebookgruppe*|ekstra bladet|tv 2|tv2|skriver om det|dele min oplevelse|advare andre|offentligheden|kommentar inden|læsere|*journalist*|*reporter*|*redaktør*|*redaktion*|til pressen|i pressen|kontakte pressen|kontakter pressen|kontaktet pressen|gå til pressen|radioprogram*|tv-station*|min ... blog|min ... kanal|min ... podcast|én stjerne|1 stjerne|kontakte tv|kontaktet tv|kontakter tv',
      medium: 'facebookgruppe*|følgere|blog*|podcast*|offentlig*|i radioen',
      weak: 'anmeldelse*|offentliggør*|offentliggjort',
    },
    nb: {
      strong: 'lokalgruppe*|nabogruppe*|nabolagsgrupp*|nabolaget ... gruppe*|lokale ... facebookgruppe*|min historie|foreldregruppe*|mine følgere|bloggen min|kanalen min|leserinnlegg*|forbrukerprogram*|tv-program*|dårlig anmeldelse|en anmeldelse på|skrive en anmeldelse|skriver en anmeldelse|sosiale medier|mediene|avisen|avisene|lokalavis*|facebook-gruppa|facebookgruppa|facebook-gruppe*|vg|dagbladet|aftenposten|forbrukerinspektørene|tv 2|tv2|nrk|legge ut hele|dele historien|advare andre|offentligheten|lesere|*journalist*|*reporter*|*redaktør*|*redaksjon*|til pressen|i pressen|kontakte pressen|kontakter pressen|kontaktet pressen|gå til pressen|radioprogram*|tv-kanal*|min ... kanal|min ... blogg|min ... podkast|én stjerne|1 stjerne',
      medium: 'facebookgruppe*|følgere|blogg*|podkast*|offentlig*|legge ut|på tv|på radio|i radio',
      weak: 'anmeldelse*|publiser*',
    },
    sv: {
      strong: 'lokalgrupp*|grannskapsgrupp*|kvartersgrupp*|kvarterets ... grupp*|min historia|föräldragrupp*|mina följare|insändare*|konsumentprogram*|tv-program*|dålig recension|skriva en recension|sociala medier|tidningen|tidningar*|*tidningen|lokaltidning*|facebookgrupp*|aftonbladet|expressen|kalla fakta|svt|tv4|berätta hela historien|varna andra|läsare|*journalist*|*reporter*|*redaktör*|*redaktion*|till pressen|i pressen|kontakta pressen|kontaktar pressen|kontaktat pressen|gå till pressen|sveriges radio|radioprogram*|uppdrag granskning|min ... blogg|min ... kanal|min ... podd|kontakta tv|kontaktat tv|kontaktar tv',
      medium: 'facebookgrupp*|följare|blogg*|podd*|media|offentlig*|flashback|på tv|i radio|en stjärna|1 stjärna',
      weak: 'recension*|publicer*',
    },
    de: {
      strong: 'nachbarschaftsgruppe*|nebenan.de|nebenan|lokalgruppe*|elterngruppe*|meine geschichte|elternchat*|meine follower|leserbrief*|verbrauchersendung*|rundfunk|redaktion*|bild-zeitung|schlechte bewertung|negative bewertung|bewertung schreiben|bewertung abgeben|bewertung hinterlassen|einen stern|1-stern*|sozialen medien|sozialen netzwerken|zeitung*|*zeitung|lokalpresse|facebook-gruppe*|facebookgruppe*|öffentlich machen|öffentlich gemacht|an die öffentlichkeit|verbrauchermagazin|andere warnen|leser|an die presse|der presse|presse einschalten|presse informieren|presse kontaktieren|*journalist*|*reporter*|*redakteur*|ins radio|radiosender*|radiosendung*|ans fernsehen|fernsehsender*|fernsehsendung*|wiso|plusminus|marktcheck|meinem ... blog|meinen ... blog|meinem ... kanal|meinen ... kanal|meinem ... podcast',
      medium: 'facebook-gruppe*|facebookgruppe*|follower*|fernsehen|*magazin|blog*|podcast*|öffentlich*|medien|im fernsehen|im radio|ein stern*|1 stern*',
      weak: 'bewertung*|*bewertung|veröffentlich*',
      normal: 'online|internet',
    },
    et: {
      strong: 'piirkonna ... grup*|kogukonna ... grup*|naabrusgrup*|minu lugu|lapsevanemate grup*|minu jälgijad|oma jälgijatele|minu blogi*|oma blogis|lugejakiri*|arvamusrubriik*|arvamuslu*|arvamuslo*|arvamusartik*|toimetus*|telesaade*|saatesse|negatiivne hinnang|halb hinnang|halva arvustuse|negatiivse arvustuse|sotsiaalmeedia*|ajakirjandus*|ajakirjanik*|ajaleht*|*ajaleht*|facebooki grup*|meedia*|postimees*|delfi*|õhtuleht*|err|avalikkus*|avalikusta*|hoiatan teisi|teisi hoiatada|lugejad|telesaa*|telekanal*|teleuudis*|raadiosaa*|raadiosse|raadios|pealtnägija|ajakirjaniku*|ajalehte|ajalehele|meediasse|meediale|avalikuks|oma ... kanali*|minu ... kanal*|oma ... blogi*|minu ... blogi*|ajalehe*|postimehe*|õhtulehe*|oma ... taskuhääling*|minu ... taskuhääling*|oma ... podcast*',
      medium: 'facebooki grup*|jälgija*|blogi*|foorum*|facebook*|instagram*|tiktok*|twitter*|youtube*|avalik*|ühe tähe*|ühe tärni*|1 tärni*',
      weak: 'arvustus*|hinnang*|internetis|avaldan|avaldama|avaldada',
    },
    fi: {
      strong: 'asuinalue* ... ryhmä*|kaupunginosa* ... ryhmä*|naapurusto* ... ryhmä*|asukasryhmä*|tarinani|vanhempien ryhmä*|vanhempainryhmä*|seuraajilleni|seuraajani|blogissani|kanavallani|mielipidepalsta*|mielipidekirjoitu*|yleisönosasto*|lehdelle|lehdessä|lehteen|*lehteen|lehden toimitu*|tv-ohjelma*|kuluttajaohjelma*|huono arvostelu|huonon arvostelun|kirjoitan arvostelun|sosiaalinen media|sosiaaliseen mediaan|sosiaalisessa mediassa|somessa|someen|lehdistö*|lehteen|paikallislehte*|toimittaja*|facebook-ryhmä*|media*|iltalehti*|ilta-sanomat|yle|kuningaskuluttaja|julkisuute*|varoitan muita|lukijat|radio-ohjelma*|radioon|televisioon|tv:hen|toimittajalle|toimittajille|julkaisen|julkaisemaan|julkisuuteen|*kanavallani|*kanavalleni|*blogissani|*blogiini|iltaleh*|ilta-sanom*|helsingin sanom*|hesari*|ylen|ylelle|yleisradio*|*podcastissani|*podcastiini|*videollani|*videolleni',
      medium: 'facebook-ryhmä*|facebook-ryhmään|seuraaj*|blogi*|foorum*|lehden|facebook*|instagram*|tiktok*|twitter*|youtube*|julkise*|radiossa|televisiossa|tv:ssä|yhden tähden|keskustelupalst*|google*',
      weak: 'arvostelu*|netissä|julkai*',
    },
  },
  data: {
    en: {
      strong:
        "full card number|whole card number|entire card number|full card details|full bank details|long card number|logged in as me|log in as me|log into my account|logged into my account|take over my account|taken over my account|took over my account|hijack*|someone else's inbox|someone else's email|wrong email address|wrong person|data breach|data leak|privacy breach|breach of privacy|breach of my privacy|breach of my personal data|personal data breach|serious breach|identity theft|another customer's|other customers' data|other people's ... details|other people's ... orders|other people's ... data|order history of|see other customers|can see other people|gave out my|gave my address|confirmed my ... address|my personal information is|my personal details|email addresses of|all recipients|in the cc|cc field|data leaked|details leaked|information leaked|got into my account|access to my account|been accessed|accessed my account|sent to a stranger|went to someone else",
      medium: 'password reset|reset link|reset code|reset email|verification code|one-time code|strangers|exposed|without any security checks|security checks|privacy problem|privacy issue|passport|gdpr breach|got hold of my|from your system|hacked',
      normal: 'password|somebody else|someone else|my address|my phone number|my card|bank details|card details|different person',
      weak: 'personal data|personal information|gdpr|data protection|my data|my details|privacy',
    },
    da: {
      strong: 'hele mit kortnummer|hele kortnummeret|fulde kortnummer|hele mit kontonummer|logge ind som mig|overtage min konto|overtaget min konto|kapret|fremmed person|forkert person|forkert mailadresse|forkert e-mailadresse|databrud|datalæk|læk af|brud på persondatasikkerheden|persondatasikkerhed*|andres oplysninger|andres data|en anden kundes|anden persons|en andens ... oplysninger|en andens ... faktura|en andens ... navn|en andens ... data|fremmede oplysninger|mine oplysninger til|cpr-nummer|cpr nummer|identitetstyveri|alle modtageres|cc-feltet|kopifeltet|adgang til min konto',
      medium: 'en fremmed|fremmede|engangskode*|mit pas|kopi af mit pas|fået fat i mine|hacket',
      normal: 'adgangskode*|kodeord*|min adresse|mit telefonnummer|mit navn|mit kortnummer',
      weak: 'persondata|personoplysninger|personlige oplysninger|databeskyttelse|mine oplysninger|mine data|privatliv*',
    },
    nb: {
      strong: 'hele kortnummeret|fullt kortnummer|hele kortnummeret mitt|hele kontonummeret|logge inn som meg|overta kontoen|tatt over kontoen|kapret|fremmed person|feil person|feil e-postadresse|person jeg ikke kjenner|datainnbrudd|datalekkasje|lekkasje av|brudd på personvernet|alvorlig avvik|andres personopplysninger|andres opplysninger|en annen kundes|annen persons|en helt annen person|personnummer|fødselsnummer|identitetstyveri|alle mottakeres|alle mottakernes|kopifeltet|personopplysningene mine|tilgang til kontoen min',
      medium: 'en fremmed|fremmede|engangskode*|kortnummer*|bankopplysning*|kopi av passet|avvik',
      normal: 'passord*|min adresse|mitt telefonnummer|mitt navn',
      weak: 'personopplysninger|personlige opplysninger|personvern*|mine opplysninger|mine data',
    },
    sv: {
      strong: 'hela kortnumret|hela mitt kortnummer|fullständiga kortnumret|hela kontonumret|logga in som mig|ta över mitt konto|tagit över mitt konto|tog över mitt konto|kapa* ... konto*|kapat*|främling*|främmande person|fel person|fel e-postadress|okänd person|dataintrång|dataläcka|dataläckage|personuppgiftsincident*|brott mot gdpr|andras uppgifter|andras personuppgifter|en annan kunds|annan persons|helt annan persons|personnummer|identitetsstöld|alla mottagares|kopiefältet|e-postadresser öppet|tillgång till mitt konto',
      medium: 'engångskod*|kortnummer*|okänd*|mitt pass|kopian av mitt pass|bankuppgifter|hackad*',
      normal: 'lösenord*|min adress|mitt telefonnummer|mitt namn',
      weak: 'personuppgifter|personliga uppgifter|integritet*|mina uppgifter|mina data|dataskydd',
    },
    de: {
      strong: 'vollständige kartennummer|komplette kartennummer|ganze kartennummer|vollständige kreditkartennummer|vollständige iban|als ich einloggen|konto übernehmen|konto übernommen|konto ... übernehmen|konto gekapert|fremde e-mail*|fremde adresse|falsche person|falschen person|jemand unbekannte*|unbekannte person|fremde person|datenleck|datenpanne|datenschutzverletzung|datenschutzverstoß|verstoß gegen die dsgvo|dsgvo-verstoß|fremde kundendaten|fremden kundendaten|fremde daten|fremde rechnung|eines anderen kunden|fremden person|völlig fremden|identitätsdiebstahl|aller empfänger|sämtlicher empfänger|adressen ... empfänger|cc-feld|im cc|zugriff auf mein konto',
      medium: 'fremde|fremden|fremder|unbekannte*|einmalcode*|kartennummer|anderen kunden|reisepass|personalausweis|bankdaten|gehackt',
      normal: 'passwort*|kennwort*|meine adresse|meine telefonnummer|mein name|iban',
      weak: 'personenbezogene daten|persönliche daten|dsgvo|datenschutz*|meine daten',
    },
    et: {
      strong: 'kogu kaardinumb*|täielik kaardinumb*|terve kaardinumb*|võõrale*|võõrastele|konto üle võtta|konto üle võtnud|kontole ligi|valele inimesele|vale e-posti*|tundmatule*|andmeleke|andmelekke|isikuandmete leke|isikuandmete lekke|kellegi teise ... arve*|kellegi teise ... andme*|kellegi teise ... nimi|teise kliendi|võõra inimese|võõra isiku|isikukood*|identiteedivargus|kõigi saajate|koopiaväljal|isikuandmete rikkumine|ligipääs minu kontole',
      medium: 'võõra*|tundmatu*|kaardinumb*|passi koopia|pangaandmed|häkit*',
      normal: 'parool*|salasõna*|aadressi*|telefoninumb*|minu nimi|mu nimi',
      weak: 'isikuandme*|andmekaitse*|privaatsus*|minu andmed|minu andmeid',
    },
    fi: {
      strong: 'koko kortin numero|koko korttinumero*|täydellinen kortin numero|koko tilinumero*|tuntemattomalle|tuntemattomille|vieraalle ihmiselle|väärälle henkilölle|väärälle ihmiselle|tilini ... haltuun|kaapata* ... tili*|päästä tililleni|tietovuoto|tietoturvaloukkaus|tietosuojaloukkaus|jonkun toisen ... tied*|jonkun toisen ... lasku*|jonkun toisen ... nimi|toisen asiakkaan|muiden asiakkaiden tiedot|vieraan ihmisen|henkilötunnu*|identiteettivarkaus|kaikkien vastaanottajien|kopiokentässä|pääsy tililleni|tietovuo*|tietoturvaloukkau*|tietosuojaloukkau*|identiteettivarka*',
      medium: 'tuntemattoma*|vieraalle|vieras ihminen|kertakäyttökoodi*|kortin numero*|passin kopio|pankkitiedot|hakkeroi*',
      normal: 'salasan*|osoitteeni|puhelinnumeroni|nimeni',
      weak: 'henkilötied*|tietosuoja*|yksityisyy*|tietoni|minun tietoni',
    },
  },
};

/** Anger, repetition, ultimatums: high unless something makes it urgent. */
export const HIGH_CUES: Record<string, StrengthLists> = {
  en: {
    strong: 'unacceptable|disgust*|furious|appalling|appalled|outrageous|disgraceful|fed up|third time|fourth time|fifth time|once again|yet again|had enough|sick and tired|escalate*|escalation|chargeback|worst|never again',
    medium: 'ridiculous|absurd|shocking|livid|second time|again|immediately|urgent*|cancel everything|cancelling everything|contact my bank|final warning|last chance|not good enough|every penny',
    normal: 'still|chased|chasing|annoyed|angry|frustrat*|disappointed|months|weeks',
    weak: 'today',
  },
  da: {
    strong: 'uacceptabel*|uhørt|skandaløs*|rasende|tredje gang|fjerde gang|endnu engang|endnu en gang|nu er det nok|træt af|eskaler*|hævet|aldrig igen|elendig*|for dårligt',
    medium: 'latterlig*|anden gang|igen|med det samme|omgående|straks|sidste chance|ikke godt nok|for anden gang',
    normal: 'stadig|rykket|vred|frustrer*|skuffet|skuffende|måneder|uger|i dag',
  },
  nb: {
    strong: 'uakseptabel*|uhørt|skandaløs*|rasende|tredje gang|fjerde gang|enda en gang|nå er det nok|lei av|eskaler*|aldri igjen|elendig*|for dårlig',
    medium: 'latterlig*|andre gang|igjen|umiddelbart|med en gang|straks|siste sjanse|ikke godt nok|for andre gang',
    normal: 'fortsatt|purret|sint|frustrer*|skuffet|skuffende|måneder|uker|i dag',
  },
  sv: {
    strong: 'oacceptabel*|oacceptabelt|skandal*|rasande|tredje gången|fjärde gången|än en gång|nu räcker det|trött på|eskaler*|aldrig mer|uselt|bedrövligt',
    medium: 'löjlig*|andra gången|igen|omedelbart|genast|sista chansen|inte okej|inte godkänt|för andra gången',
    normal: 'fortfarande|påmint|arg|frustrer*|besviken|besvikelse|månader|veckor|i dag',
  },
  de: {
    strong: 'inakzeptabel*|unverschämt*|unzumutbar*|skandal*|frechheit|wütend|dritte mal|dritten mal|vierte mal|schon wieder|zum wiederholten|reicht mir|ich bin es leid|eskalier*|nie wieder|absolut inakzeptabel',
    medium: 'lächerlich*|zweite mal|zweiten mal|wieder|sofort|umgehend|letzte frist|letzte chance|nicht in ordnung|ärgerlich',
    normal: 'immer noch|nachgefragt|verärgert|frustrier*|enttäuscht|monate|wochen|heute',
  },
  et: {
    strong: 'vastuvõetamatu*|skandaal*|kolmandat korda|kolmas kord|neljandat korda|jälle kord|aitab küll|tüdinud|eskaleeri*|mitte kunagi enam|täiesti vastuvõetamatu',
    medium: 'naeruväärne|teist korda|jälle|kohe|viivitamatult|viimane võimalus|ei ole normaalne|pole normaalne',
    normal: 'siiani|ikka veel|meelde tuletanud|vihane|pettunud|kuud|nädalat|täna',
  },
  fi: {
    strong: 'kestämätön*|kestämätöntä|ei ole hyväksyttävää|skandaali*|raivo*|kolmannen kerran|neljännen kerran|taas kerran|nyt riittää|kyllästynyt|eskaloi*|ei enää koskaan',
    medium: 'naurettava*|toisen kerran|taas|heti|välittömästi|viimeinen mahdollisuus|ei ole ok',
    normal: 'vieläkään|muistuttanut|vihainen|pettynyt|kuukautta|viikkoa|tänään',
  },
};
