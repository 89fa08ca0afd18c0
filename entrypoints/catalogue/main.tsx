import { CatalogueApp } from '../../components/listings/CatalogueApp';
import { mountPage } from '../../components/ui/mount';
import '../../components/ui/theme.css';
import '../../components/ui/page.css';

mountPage(<CatalogueApp />);
