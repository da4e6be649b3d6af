// Word lists of the demo workspace. Every company and person is made up: names are compounds of
// invented or generic words, and every domain is under the reserved `.example` TLD (RFC 2606), so no
// real brand appears and no digest ever mails a real address.

export const DEMO_TLD = 'example';

function list(text: string): readonly string[] {
  return text
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** First halves of partner company names. */
export const PARTNER_STEMS = list(`
  Northwind|Brightpath|Quillfern|Ambervale|Cobaltine|Driftmark|Emberlyn|Fernhollow|Glimmerstack|Harborlight
  Ivorybeam|Juniperly|Kestrelwind|Lumenfold|Moonquarry|Nettlebrook|Oakhaven|Pellucid|Quarrystone|Rivermint
  Saltmarsh|Thistledown|Umberline|Vantorra|Wrenfield|Yarrowby|Zephyrine|Bramblecote|Copperleaf|Dunmore Vale
  Elmstead|Foxglove|Granitefall|Hollowpine|Indigomere|Larchmont Reach|Marrowgate|Nimbusly|Orchardine|Pebblecast
  Ravenshore|Silverbirch|Tallowmere|Verdancy|Willowbank|Aldermoor|Birchlight|Cindervale
`);

/** Second halves of partner names, by partner type position in the default list. */
export const PARTNER_SUFFIXES: readonly (readonly string[])[] = [
  list('Data|Cloud|Analytics|Labs|Systems|Software'), // Tech Vendor
  list('Consulting|Partners|Digital|Studio|Collective'), // Agency
  list('Media|Reviews|Network|Insights'), // Affiliate
  list('Talent|Search|Staffing'), // Recruiting
  list('Marketplace|Hub|Exchange|Connect'), // Platform
  list('Advisory|Group|Strategy'), // Advisor
];

/** Industries a partner of each type plausibly sits in, by type position. */
export const PARTNER_INDUSTRIES: readonly (readonly string[])[] = [
  list('Data & Analytics|Cybersecurity|DevOps|Sales Tech|HR Tech'),
  list('Marketing Services|IT Services|Systems Integration|RevOps Consulting'),
  list('Media & Publishing|Software Reviews|Newsletters'),
  list('Talent & Recruiting|Executive Search'),
  list('Cloud Marketplace|Ecommerce Platform|Integration Platform'),
  list('Management Consulting|Venture & Advisory|Fractional Executives'),
];

/** How each partner type introduces us (qualification question 3), by type position. */
export const INTRO_MECHANISMS: readonly (readonly string[])[] = [
  list('Sales reps bring us into deals|Joint account planning with their AEs|Co-sell through their marketplace listing'),
  list('Recommend us in implementation projects|Bundle us into their delivery offer|Introduce us at project kickoff'),
  list('Referral links in comparison content|Sponsored newsletter placements|Webinar co-hosting with lead share'),
  list('Warm intros to hiring managers they place|Mention us in client onboarding'),
  list('Listing plus co-sell motion with their partner team|In-app recommendations to their customers'),
  list('Board and portfolio introductions|Intros from their advisory network'),
];

/** Fictional customer companies (Accounts): stems and sectors. */
export const ACCOUNT_STEMS = list(`
  Harborview|Cedarline|Silvermoor|Bellwether|Stonebridge|Meadowcroft|Ironvale|Clearwater Bay|Ashgrove|Redfern
  Tidemark|Highgarden|Lakemont|Foxridge|Kingsreach|Blackthorn|Goldcrest|Westbury|Eastvale|Sunmoor|Brightwater
  Hartwell|Pinemarsh|Coldbrook|Mistral Point|Seabright|Thornbury|Wildermere|Rosehill|Greyhaven|Oldcastle
  Newmarsh|Amberley Park
`);

export const ACCOUNT_SECTORS = list(`
  Logistics|Health|Foods|Bank|Insurance|Manufacturing|Retail|Energy|Biotech|Freight|Hotels|Robotics|Telecom
  Pharma|Mobility|Credit Union|Apparel|Utilities|Media Group
`);

export const FIRST_NAMES = list(`
  Jordan|Avery|Maya|Liam|Sofia|Noah|Priya|Mateo|Hannah|Kenji|Amara|Lucas|Chloe|Ethan|Zara|Omar|Grace|Diego|Ines
  Felix|Leila|Marcus|Nadia|Owen|Rosa|Samir|Tessa|Victor|Yara|Aiden|Bianca|Caleb|Dalia|Elliot|Farah|Gavin|Hugo
  Isla|Jonah|Kira|Leon|Mira|Nico|Olivia|Pablo|Quinn|Ruby|Theo|Uma|Wesley|Ximena|Yusuf|Zoe|Anika|Ben|Carmen|Dev
  Elena|Finn|Gemma|Hiro|Ada|Rafael|Sienna|Tariq
`);

export const LAST_NAMES = list(`
  Abernathy|Baptiste|Castellano|Delacroix|Eriksen|Fairbanks|Galloway|Hargrove|Ibarra|Jablonski|Kowalczyk
  Lindqvist|Mbeki|Nakamura|Okonkwo|Petrakis|Quintero|Rasmussen|Sandoval|Thornton|Uchenna|Valdivia|Whitcombe
  Xiang|Yamamoto|Zielinski|Ashworth|Brennan|Carvalho|Dubois|Estrada|Fitzgerald|Grünewald|Halvorsen|Iwasaki
  Jovanovic|Kaur|Lombardi|Moreau|Novak|O'Donnell|Pereira|Rinaldi|Santos|Tanaka|Varga|Weller|Achebe|Bergstrom
  Chandra|Dlamini|Ferreira|Haddad|Ivanova|Kimura|Larsen|Mendoza|Nguyen|Osei|Park
`);

/** Our own team (the partner owner field). */
export const OWNERS = list('Dana Whitfield|Priya Raman|Marco Lindholm');

/** Rep titles, by partner type position. */
export const REP_TITLES: readonly (readonly string[])[] = [
  list(
    'Account Executive|Senior Account Executive|Enterprise Account Executive|Solutions Engineer|Partner Manager|Regional Sales Director',
  ),
  list('Principal Consultant|Engagement Manager|Solutions Architect|Client Partner|Account Director'),
  list('Partnerships Manager|Content Lead|Affiliate Manager|Account Manager'),
  list('Senior Recruiter|Talent Partner|Account Manager|Practice Lead'),
  list('Partner Manager|Alliance Manager|Solutions Engineer|Account Executive|Channel Manager'),
  list('Managing Partner|Senior Advisor|Operating Partner|Principal'),
];

export const ORIGIN_STORIES = list(`
  Their VP of Sales reached out on LinkedIn after our launch post
  Met their partner lead at a SaaS partnerships meetup|A shared customer introduced us during a renewal
  Inbound from their partner directory|Our founder knows their CEO from a previous company
  Came out of a joint customer escalation that went well|They applied through our partner program page
  Referred by another partner in our program|Cold outreach from our team after seeing them in three won deals
  Met at a conference booth; followed up with a demo
`);

export const RELATIONSHIP_NOTES = list(`
  Strong relationship, responsive|Partner manager is supportive but stretched thin
  Exec sponsor engaged; reps still learning our story|Good rapport with two reps, the rest are quiet
  Slow to respond since their reorg|Enthusiastic, but intros have not followed yet
  Very transactional: they want leads before they share any|Co-marketing keen, sales side lukewarm
`);

export const PARTNER_NOTES = list(`
  Focus on the mid-market segment; enterprise is owned by their alliances team.
  Ask for the account list before the next QBR.|Their fiscal year starts in February: plans reset then.
  Two reps drive almost everything here.|Keep an eye on channel conflict with our direct team in EMEA.
  Good fit for the new integration once it ships.|Pricing discussion pending on the referral fee.
`);
