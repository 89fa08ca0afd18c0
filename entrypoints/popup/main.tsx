import { PopupApp } from '../../components/popup/PopupApp';
import { mountPage } from '../../components/ui/mount';
import '../../components/ui/theme.css';

mountPage(<PopupApp />);
