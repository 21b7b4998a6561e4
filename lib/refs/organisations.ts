// Organisations named in orders and reports:
//   «МБОУ лицей № 1, МБОУ лицей № 4, МБОУ СОШ № 6», «школ № 5, 7, 8, 10», «13 ШНОР школы (№ 7, 8 …)»,
//   «МОБУ СОШ № 4, СОШ № 10, …, Лицей № 3, гимназия № 9», «МКУО ЦОКО», «управление образования».
// Schools are keyed by type + number («СОШ № 10» = «МОБУ СОШ № 10»); a list's legal form
// («МОБУ …, СОШ № 10») carries over to the items that do not repeat it.

export type OrganisationKind = 'school' | 'authority' | 'centre' | 'other';

export interface OrganisationMention {
  name: string;
  number: string | null;
  kind: OrganisationKind;
  shnor: boolean;
}

const LEGAL_FORM =
  '(?:МБОУ|МАОУ|МОБУ|МКОУ|МОАУ|МОКУ|МБУ|МАУ|МКУО|МКУ|МБУО|ГБОУ|ГКОУ|ГАОУ|ЧОУ|НОЧУ|АНО)(?:\\s?ДО)?';
const SCHOOL_TYPE =
  '(?:СОШ|ООШ|НОШ|СШ|ОШ|лице(?:й|я|ю|ем|е|и|ев)|гимнази(?:я|и|ю|ей|ям|ях)|школ(?:а|ы|е|у|ой|ам|ами|ах)?)';
const SCHOOL_HEAD = `(?<![\\p{L}])(?:(?<form>${LEGAL_FORM})\\s+)?(?<type>${SCHOOL_TYPE})\\s*\\(?\\s*№\\s*(?<num>\\d+)(?![\\d\\p{L}])`;
const SCHOOL_RE = new RegExp(SCHOOL_HEAD, 'giu');
const NEXT_TYPED_RE = new RegExp(`\\s*(?:,|\\sи)\\s*${SCHOOL_HEAD}`, 'yiu');
const NEXT_BARE_RE = /\s*(?:,|\sи)\s*(?<num>\d+)(?![\d\p{L}.\-/])(?=[ \t]*(?:[,;:.)\n]|и\s|$))/uy;

const CENTRE_RE = new RegExp(
  `(?<![\\p{L}])(?:(?<form>${LEGAL_FORM})\\s+«?)?(?<abbr>ЦОКО|КМЦ|ИМЦ|СЦРО|ИРО|ЦНППМ(?:ПР)?)(?![\\p{L}])`,
  'gu',
);
const AUTHORITY_RE =
  /(?<![\p{L}])(?:(?<abbr>УОН?)(?![\p{L}])|(?<uon>управлени\p{L}*\s+по\s+образованию\s+и\s+науке)|(?<uo>управлени\p{L}*\s+образования)|(?<min>министерств\p{L}*\s+образования(?:,?\s+науки)?(?:\s+и\s+молод[её]жной\s+политики)?(?:\s+Краснодарского\s+края)?))/giu;

const SHNOR_HINT = /ШНОР|ШССУ|низк\p{L}*\s+(?:образовательн\p{L}*\s+)?результат/giu;
const MENTOR_HINT = /наставник|высок\p{L}*\s+(?:образовательн\p{L}*\s+)?результат|лидер/giu;

function schoolType(type: string): string {
  const upper = type.toUpperCase();
  if (/^(?:СОШ|ООШ|НОШ|СШ|ОШ)$/.test(upper)) return upper;
  const lower = type.toLowerCase();
  if (lower.startsWith('лице')) return 'лицей';
  if (lower.startsWith('гимнази')) return 'гимназия';
  return 'школа';
}

function schoolName(form: string | undefined, type: string, number: string): string {
  const name = form ? `${form.replace(/\s+/g, ' ')} ${type} № ${number}` : `${type} № ${number}`;
  return name[0]!.toUpperCase() + name.slice(1);
}

/** Whether the clause before a list says the schools are ШНОР (the nearer hint wins:
 *  «школ – наставников (МБОУ лицей № 1 …) … со ШНОР» are mentors). */
function isShnorContext(text: string, listStart: number, listEnd: number): boolean {
  if (/^\s*\(?\s*(?:ШНОР|ШССУ)(?![\p{L}])/u.test(text.slice(listEnd, listEnd + 12))) return true;
  let before = text.slice(Math.max(0, listStart - 140), listStart);
  const cut = Math.max(
    before.lastIndexOf('\n'),
    before.lastIndexOf('\t'),
    before.search(/(?<=\p{L}{3})\.\s+\p{Lu}[^.]*$/u),
  );
  if (cut >= 0) before = before.slice(cut + 1);
  const last = (re: RegExp) => {
    let at = -1;
    for (const m of before.matchAll(re)) at = m.index;
    return at;
  };
  return last(SHNOR_HINT) > last(MENTOR_HINT);
}

function schoolKey(type: string, number: string): string {
  return `${schoolType(type).toLowerCase()}:${number}`;
}

/** Key by type + number for schools («мобу сош № 10» → «сош:10»), by abbreviation for centres
 *  and authorities («МКУО ЦОКО» → «centre:цоко», «управление образования» → «authority:уо»). */
export function organisationKey(name: string): string {
  const school = new RegExp(SCHOOL_HEAD, 'iu').exec(name);
  if (school?.groups) return schoolKey(school.groups.type!, school.groups.num!);
  const centre = new RegExp(CENTRE_RE.source, 'u').exec(name);
  if (centre?.groups) return `centre:${centre.groups.abbr!.toLowerCase()}`;
  const authority = new RegExp(AUTHORITY_RE.source, 'iu').exec(name);
  if (authority?.groups) return `authority:${authorityCode(authority.groups)}`;
  return name.toLowerCase().replace(/ё/g, 'е').replace(/[«»"]/g, '').replace(/\s+/g, ' ').trim();
}

/** Two mentions of one school: same key, or one of them says only «школа № N». */
export function sameOrganisation(a: string, b: string): boolean {
  const ka = organisationKey(a);
  const kb = organisationKey(b);
  if (ka === kb) return true;
  const [ta, na] = ka.split(':');
  const [tb, nb] = kb.split(':');
  return na !== undefined && na === nb && (ta === 'школа' || tb === 'школа');
}

function authorityCode(groups: Record<string, string | undefined>): string {
  if (groups.abbr) return groups.abbr.toLowerCase();
  if (groups.uon) return 'уон';
  if (groups.uo) return 'уо';
  return 'минобр';
}

const AUTHORITY_NAMES: Record<string, string> = {
  уо: 'Управление образования',
  уон: 'Управление по образованию и науке',
  минобр: 'Министерство образования, науки и молодежной политики Краснодарского края',
};

/** Organisations mentioned in `text`, one per key, in order of first mention. */
export function extractOrganisations(text: string): OrganisationMention[] {
  const byKey = new Map<string, OrganisationMention & { at: number }>();
  const add = (key: string, org: OrganisationMention, at: number) => {
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...org, at });
    else {
      seen.shnor ||= org.shnor;
      // Prefer the fuller name («МБОУ СОШ № 6» over «СОШ № 6»).
      if (org.name.length > seen.name.length) seen.name = org.name;
    }
  };

  const schoolRe = new RegExp(SCHOOL_RE.source, SCHOOL_RE.flags);
  for (let m = schoolRe.exec(text); m; m = schoolRe.exec(text)) {
    const items: Array<{ form: string | undefined; type: string; number: string }> = [];
    let form = m.groups!.form;
    let type = schoolType(m.groups!.type!);
    items.push({ form, type, number: m.groups!.num! });
    let end = m.index + m[0].length;
    for (;;) {
      NEXT_TYPED_RE.lastIndex = end;
      const typed = NEXT_TYPED_RE.exec(text);
      if (typed?.groups) {
        form = typed.groups.form ?? form;
        type = schoolType(typed.groups.type!);
        items.push({ form, type, number: typed.groups.num! });
        end = NEXT_TYPED_RE.lastIndex;
        continue;
      }
      NEXT_BARE_RE.lastIndex = end;
      const bare = NEXT_BARE_RE.exec(text);
      if (bare?.groups) {
        items.push({ form, type, number: bare.groups.num! });
        end = NEXT_BARE_RE.lastIndex;
        continue;
      }
      break;
    }
    schoolRe.lastIndex = end;
    const shnor = isShnorContext(text, m.index, end);
    for (const item of items) {
      add(
        schoolKey(item.type, item.number),
        {
          name: schoolName(item.form, item.type, item.number),
          number: item.number,
          kind: 'school',
          shnor,
        },
        m.index,
      );
    }
  }

  for (const m of text.matchAll(CENTRE_RE)) {
    const abbr = m.groups!.abbr!;
    const form = m.groups!.form;
    const name = form ? `${form.replace(/\s+/g, ' ')} ${abbr}` : abbr;
    add(
      `centre:${abbr.toLowerCase()}`,
      { name, number: null, kind: 'centre', shnor: false },
      m.index,
    );
  }

  for (const m of text.matchAll(AUTHORITY_RE)) {
    const groups = m.groups!;
    // Abbreviations are upper-case words; «уо» in lower case is not one.
    if (groups.abbr && groups.abbr !== groups.abbr.toUpperCase()) continue;
    const code = authorityCode(groups);
    add(
      `authority:${code}`,
      { name: AUTHORITY_NAMES[code] ?? code, number: null, kind: 'authority', shnor: false },
      m.index,
    );
  }

  return [...byKey.values()].sort((a, b) => a.at - b.at).map(({ at: _at, ...org }) => org);
}
