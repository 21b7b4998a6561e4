import * as Y from 'yjs';
import { initWorkspaceDoc, defaultQuartersFor } from '../../../lib/store/index.ts';
import { DEFAULT_DIRECTIONS, type Workspace } from '../../../lib/model/index.ts';

export function newWorkspaceDoc(): Y.Doc {
  const doc = new Y.Doc();
  const ws: Workspace = {
    id: 'ws-1',
    name: 'МБОУ СОШ № 12',
    kind: 'school',
    municipality: 'Славянский район',
    schoolYear: '2020-2021',
    quarters: defaultQuartersFor('2020-2021'),
    directions: [...DEFAULT_DIRECTIONS],
    createdAt: '2020-09-01T08:00:00.000Z',
  };
  initWorkspaceDoc(doc, ws);
  return doc;
}
