import '../../components/common/locale-init.ts';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import '../../components/common/theme.css';
import '../../components/popup/popup.css';
import '../../components/capture/capture.css';
import { PopupShell } from '../../components/popup/PopupShell.tsx';

type Body = typeof import('../../components/popup/Popup.tsx');
let body: Promise<Body> | null = null;
const loadBody = (): Promise<Body> => (body ??= import('../../components/popup/Popup.tsx'));
// The shell renders synchronously, before the body's modules are even requested; they are
// requested the moment it has (not after React's effects run).
const root = createRoot(document.getElementById('root')!);
flushSync(() => root.render(<PopupShell load={loadBody} />));
void loadBody();
