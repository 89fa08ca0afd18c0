import { PlannerApp } from '../../components/planner/PlannerApp';
import { mountPage } from '../../components/ui/mount';
import '../../components/ui/theme.css';
import '../../components/ui/page.css';

mountPage(<PlannerApp />);
