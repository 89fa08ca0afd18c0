import { InsightsApp } from '../../components/returns/InsightsApp';
import { mountPage } from '../../components/ui/mount';
import '../../components/ui/theme.css';
import '../../components/ui/page.css';

mountPage(<InsightsApp />);
