import '../../components/common/locale-init.ts';
import { createRoot } from 'react-dom/client';
import '../../components/common/theme.css';
import '../../components/sidepanel/sidepanel.css';
import { SidePanel } from '../../components/sidepanel/SidePanel.tsx';

createRoot(document.getElementById('root')!).render(<SidePanel />);
