import * as Y from 'yjs';
import { initWorkspaceDoc, defaultQuartersFor } from '../../../lib/store/index.ts';
import { DEFAULT_DIRECTIONS, type Activity, type Workspace } from '../../../lib/model/index.ts';

/** A complete, valid workspace record (fields overridable). */
export function workspaceRecord(fields: Partial<Workspace> = {}): Workspace {
  return {
    id: 'ws-1',
    name: 'МБОУ СОШ № 12',
    kind: 'school',
    municipality: 'Славянский район',
    schoolYear: '2020-2021',
    quarters: defaultQuartersFor('2020-2021'),
    directions: [...DEFAULT_DIRECTIONS],
    createdAt: '2020-09-01T08:00:00.000Z',
    ...fields,
  };
}

export function newWorkspaceDoc(): Y.Doc {
  const doc = new Y.Doc();
  initWorkspaceDoc(doc, workspaceRecord());
  return doc;
}

/** A complete, valid activity record as stored (fields overridable). */
export function activityRecord(fields: Partial<Activity> = {}): Activity {
  const at = '2020-10-01T09:00:00.000Z';
  return {
    id: 'act-1',
    createdAt: at,
    updatedAt: at,
    number: '1',
    title: 'Методический семинар для учителей ШНОР',
    direction: 'Организационная деятельность',
    level: null,
    period: { raw: 'октябрь 2020', parsed: null },
    place: 'МКУО КМЦ',
    responsibleIds: [],
    participants: [],
    status: 'planned',
    report: '',
    tags: [],
    source: null,
    ...fields,
  };
}
