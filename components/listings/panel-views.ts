import type { PanelViews } from '../panel/types';
import { EditorSection } from './EditorSection';
import { InventorySection } from './InventorySection';
import { ProductSection } from './ProductSection';

/** Panel views of the listings process, keyed `app:page`. */
export const listingsPanelViews: PanelViews = {
  'shopify:product': [ProductSection],
  'amazon:listing-edit': [EditorSection],
  'amazon:inventory': [InventorySection],
};
