import { OptionsApp } from '../../components/options/OptionsApp';
import { mountPage } from '../../components/ui/mount';
import '../../components/ui/theme.css';
import '../../components/ui/page.css';

mountPage(<OptionsApp />);
