// A small hand-built register for the checklist tests: records are complete (they pass the
// model's schemas) so nothing is tested on data the app could never hold.
import type { Activity, Evidence, Link, Organisation } from '../../../lib/model/index.ts';
import {
  activitySchema,
  evidenceSchema,
  linkId,
  organisationSchema,
} from '../../../lib/model/index.ts';
import type { RegisterData } from '../../../lib/checklist/index.ts';

const AT = '2021-06-01T09:00:00.000Z';

export function org(
  id: string,
  name: string,
  shnor: boolean,
  mentorOrgId: string | null = null,
): Organisation {
  return organisationSchema.parse({
    id,
    name,
    number: null,
    kind: 'school',
    shnor,
    mentorOrgId,
    createdAt: AT,
    updatedAt: AT,
  });
}

export function evidence(
  id: string,
  kind: Evidence['kind'],
  title: string,
  date: string | null,
): Evidence {
  return evidenceSchema.parse({
    id,
    kind,
    issuer: 'УО',
    date,
    number: '',
    title,
    url: '',
    attachments: [],
    note: '',
    capturedAt: null,
    contentHash: null,
    createdAt: AT,
    updatedAt: AT,
  });
}

export function activity(
  id: string,
  title: string,
  period: { start: string; end: string } | null,
  participants: { orgId: string | null; count: number | null }[] = [],
): Activity {
  return activitySchema.parse({
    id,
    number: '1',
    title,
    direction: 'Консультационная деятельность',
    level: 'municipal',
    period: {
      raw: period ? `${period.start} – ${period.end}` : '',
      parsed: period
        ? { raw: '', kind: 'range', start: period.start, end: period.end, every: null, times: null }
        : null,
    },
    place: '',
    responsibleIds: [],
    participants: participants.map((p) => ({ ...p, label: '' })),
    status: 'done',
    report: '',
    tags: [],
    source: null,
    createdAt: AT,
    updatedAt: AT,
  });
}

export function link(activityId: string, evidenceId: string): Link {
  return { id: linkId(activityId, evidenceId), activityId, evidenceId, createdAt: AT };
}

export function register(parts: Partial<RegisterData>): RegisterData {
  return { activities: [], evidence: [], links: [], organisations: [], people: [], ...parts };
}
