import '../../components/common/locale-init.ts';
import { createRoot } from 'react-dom/client';
import '../../components/common/theme.css';
import '../../components/popup/popup.css';
import '../../components/capture/capture.css';
import { CapturePage } from '../../components/capture/CapturePage.tsx';

createRoot(document.getElementById('root')!).render(<CapturePage />);
