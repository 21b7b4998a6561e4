import '../../components/common/locale-init.ts';
import { createRoot } from 'react-dom/client';
import '../../components/common/theme.css';
import '../../components/popup/popup.css';
import '../../components/capture/capture.css';
import { Popup } from '../../components/popup/Popup.tsx';

createRoot(document.getElementById('root')!).render(<Popup />);
