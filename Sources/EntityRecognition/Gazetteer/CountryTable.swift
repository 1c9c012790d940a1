/// Every UN member state and the common non-members, one per line:
/// `Canonical name | other names and abbreviations | demonyms and adjectives`.
///
/// Written by the Plexus team; names are matched case-sensitively as written here.
let countryTable = """
    Afghanistan||Afghan;Afghans
    Albania||Albanian;Albanians
    Algeria||Algerian;Algerians
    Andorra||Andorran
    Angola||Angolan;Angolans
    Antigua and Barbuda|Antigua|Antiguan
    Argentina|Argentine Republic|Argentine;Argentinian;Argentinians;Argentines
    Armenia||Armenian;Armenians
    Australia||Australian;Australians
    Austria||Austrian;Austrians
    Azerbaijan||Azerbaijani;Azerbaijanis;Azeri;Azeris
    Bahamas|The Bahamas|Bahamian
    Bahrain||Bahraini;Bahrainis
    Bangladesh||Bangladeshi;Bangladeshis
    Barbados||Barbadian
    Belarus|Byelorussia|Belarusian;Belarusians;Belarussian
    Belgium||Belgian;Belgians
    Belize||Belizean
    Benin||Beninese
    Bhutan||Bhutanese
    Bolivia||Bolivian;Bolivians
    Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina|Bosnian;Bosnians
    Botswana||Botswanan
    Brazil||Brazilian;Brazilians
    Brunei||Bruneian
    Bulgaria||Bulgarian;Bulgarians
    Burkina Faso||Burkinabe
    Burundi||Burundian
    Cabo Verde|Cape Verde|Cape Verdean
    Cambodia||Cambodian;Cambodians
    Cameroon||Cameroonian;Cameroonians
    Canada||Canadian;Canadians
    Central African Republic|CAR|Central African
    Chad||Chadian;Chadians
    Chile||Chilean;Chileans
    China|People's Republic of China;PRC;Mainland China|Chinese
    Colombia||Colombian;Colombians
    Comoros||Comorian
    Congo|Republic of the Congo;Congo-Brazzaville|Congolese
    Costa Rica||Costa Rican
    Croatia||Croatian;Croatians;Croat;Croats
    Cuba||Cuban;Cubans
    Cyprus||Cypriot;Cypriots
    Czech Republic|Czechia|Czech;Czechs
    Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa|
    Denmark||Danish;Dane;Danes
    Djibouti||Djiboutian
    Dominica||Dominican
    Dominican Republic||
    East Timor|Timor-Leste|Timorese
    Ecuador||Ecuadorian;Ecuadorians
    Egypt||Egyptian;Egyptians
    El Salvador||Salvadoran;Salvadorans
    Equatorial Guinea||Equatoguinean
    Eritrea||Eritrean;Eritreans
    Estonia||Estonian;Estonians
    Eswatini|Swaziland|Swazi
    Ethiopia||Ethiopian;Ethiopians
    Fiji||Fijian
    Finland||Finnish;Finn;Finns
    France|French Republic|French;Frenchman;Frenchwoman
    Gabon||Gabonese
    Gambia|The Gambia|Gambian
    Georgia||Georgian;Georgians
    Germany|Federal Republic of Germany;West Germany|German;Germans;West German;West Germans
    Ghana||Ghanaian;Ghanaians
    Greece||Greek;Greeks
    Grenada||Grenadian
    Guatemala||Guatemalan;Guatemalans
    Guinea||Guinean
    Guinea-Bissau||
    Guyana||Guyanese
    Haiti||Haitian;Haitians
    Honduras||Honduran;Hondurans
    Hungary||Hungarian;Hungarians
    Iceland||Icelandic;Icelander;Icelanders
    India||Indian;Indians
    Indonesia||Indonesian;Indonesians
    Iran|Islamic Republic of Iran|Iranian;Iranians
    Iraq||Iraqi;Iraqis
    Ireland|Irish Republic;Republic of Ireland;Eire|Irish
    Israel||Israeli;Israelis
    Italy||Italian;Italians
    Ivory Coast|Cote d'Ivoire|Ivorian;Ivorians
    Jamaica||Jamaican;Jamaicans
    Japan||Japanese
    Jordan|Hashemite Kingdom of Jordan|Jordanian;Jordanians
    Kazakhstan||Kazakh;Kazakhs;Kazakhstani
    Kenya||Kenyan;Kenyans
    Kiribati||
    Kosovo||Kosovan;Kosovar;Kosovars
    Kuwait||Kuwaiti;Kuwaitis
    Kyrgyzstan||Kyrgyz
    Laos||Lao;Laotian
    Latvia||Latvian;Latvians
    Lebanon||Lebanese
    Lesotho||
    Liberia||Liberian;Liberians
    Libya||Libyan;Libyans
    Liechtenstein||
    Lithuania||Lithuanian;Lithuanians
    Luxembourg||Luxembourgish
    Madagascar||Malagasy
    Malawi||Malawian
    Malaysia||Malaysian;Malaysians
    Maldives||Maldivian
    Mali||Malian;Malians
    Malta||Maltese
    Marshall Islands||Marshallese
    Mauritania||Mauritanian
    Mauritius||Mauritian
    Mexico||Mexican;Mexicans
    Micronesia||Micronesian
    Moldova||Moldovan;Moldovans
    Monaco||Monegasque
    Mongolia||Mongolian;Mongolians
    Montenegro||Montenegrin
    Morocco||Moroccan;Moroccans
    Mozambique||Mozambican
    Myanmar|Burma|Burmese
    Namibia||Namibian
    Nauru||Nauruan
    Nepal||Nepalese;Nepali
    Netherlands|The Netherlands;Holland|Dutch
    New Zealand||New Zealander;New Zealanders
    Nicaragua||Nicaraguan
    Niger||Nigerien
    Nigeria||Nigerian;Nigerians
    North Korea|DPRK;Democratic People's Republic of Korea|North Korean;North Koreans
    North Macedonia|Macedonia|Macedonian
    Norway||Norwegian;Norwegians
    Oman||Omani
    Pakistan||Pakistani;Pakistanis
    Palau||Palauan
    Palestine|Palestinian Territories;State of Palestine|Palestinian;Palestinians
    Panama||Panamanian
    Papua New Guinea||
    Paraguay||Paraguayan
    Peru||Peruvian;Peruvians
    Philippines|The Philippines|Filipino;Filipinos;Philippine
    Poland||Polish;Pole;Poles
    Portugal||Portuguese
    Qatar||Qatari;Qataris
    Romania||Romanian;Romanians
    Russia|Russian Federation;Soviet Union;USSR;U.S.S.R.|Russian;Russians;Soviet;Soviets
    Rwanda||Rwandan;Rwandans
    Saint Kitts and Nevis|St Kitts and Nevis|
    Saint Lucia|St Lucia|
    Saint Vincent and the Grenadines|St Vincent and the Grenadines|
    Samoa||Samoan
    San Marino||
    Sao Tome and Principe||
    Saudi Arabia|Saudi;KSA|Saudis
    Senegal||Senegalese
    Serbia||Serbian;Serbians;Serb;Serbs
    Seychelles||
    Sierra Leone||Sierra Leonean
    Singapore||Singaporean
    Slovakia||Slovak;Slovakian
    Slovenia||Slovenian;Slovene
    Solomon Islands||
    Somalia||Somali;Somalis
    South Africa||South African;South Africans
    South Korea|Republic of Korea;ROK|South Korean;South Koreans
    South Sudan||South Sudanese
    Spain||Spanish;Spaniard;Spaniards
    Sri Lanka||Sri Lankan
    Sudan||Sudanese
    Suriname||Surinamese
    Sweden||Swedish;Swede;Swedes
    Switzerland||Swiss
    Syria||Syrian;Syrians
    Taiwan|Republic of China|Taiwanese
    Tajikistan||Tajik
    Tanzania||Tanzanian
    Thailand||Thai
    Togo||Togolese
    Tonga||Tongan
    Trinidad and Tobago|Trinidad|Trinidadian
    Tunisia||Tunisian;Tunisians
    Turkey|Turkiye;Türkiye|Turkish;Turk;Turks
    Turkmenistan||Turkmen
    Tuvalu||
    Uganda||Ugandan;Ugandans
    Ukraine||Ukrainian;Ukrainians
    United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emiratis
    United Kingdom|UK;U.K.;Britain;Great Britain;GB|British;Briton;Britons
    United States|US;U.S.;USA;U.S.A.;America;United States of America|American;Americans
    Uruguay||Uruguayan
    Uzbekistan||Uzbek
    Vanuatu||
    Vatican City|Holy See;Vatican|
    Venezuela||Venezuelan;Venezuelans
    Vietnam|Viet Nam|Vietnamese
    Yemen||Yemeni;Yemenis
    Zambia||Zambian
    Zimbabwe||Zimbabwean;Zimbabweans
    """
