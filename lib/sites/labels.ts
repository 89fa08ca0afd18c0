/**
 * The words the site adapters anchor on, per app and per language (en, de, fr, es, ja). Adapters
 * match a label by its normalised whole text (`normLabel`), so a list holds every spelling seen or
 * expected. Loop's admin has no public localisation and Gorgias' is unverified: the non-English
 * entries are the apps' usual UI translations, kept here so a localised page degrades to "not
 * found" by name instead of misreading. Add another app's labels as a new top-level key.
 */
export const LANGS = ['en', 'de', 'fr', 'es', 'ja'] as const;
export type Lang = (typeof LANGS)[number];
/** Spellings per language, `|`-separated (one string per language keeps the content scripts small). */
type LabelSet = Readonly<Record<Lang, string>>;

/** Gorgias labels. Each app's table is its own constant so a content script ships only its own. */
export const GORGIAS_LABELS = {
  /** "3 items" under the order card's thumbnails (OrderCardProducts.tsx: `${n} ${pluralize('item')}`). */
  items: {
    en: 'item|items',
    de: 'artikel',
    fr: 'article|articles',
    es: 'artículo|artículos',
    ja: '点|個|アイテム',
  },
  paid: { en: 'paid', de: 'bezahlt', fr: 'payé|payée', es: 'pagado', ja: '支払い済み' },
  partiallyPaid: {
    en: 'partially paid',
    de: 'teilweise bezahlt',
    fr: 'partiellement payé',
    es: 'parcialmente pagado',
    ja: '一部支払い済み',
  },
  refunded: {
    en: 'refunded',
    de: 'erstattet|rückerstattet',
    fr: 'remboursé',
    es: 'reembolsado',
    ja: '返金済み',
  },
  partiallyRefunded: {
    en: 'partially refunded',
    de: 'teilweise erstattet|teilweise rückerstattet',
    fr: 'partiellement remboursé',
    es: 'parcialmente reembolsado',
    ja: '一部返金済み',
  },
  pending: { en: 'pending', de: 'ausstehend', fr: 'en attente', es: 'pendiente', ja: '保留中' },
  authorized: { en: 'authorized', de: 'autorisiert', fr: 'autorisé', es: 'autorizado', ja: '承認済み' },
  voided: { en: 'voided', de: 'storniert', fr: 'annulé', es: 'anulado', ja: '無効' },
  fulfilled: {
    en: 'fulfilled',
    de: 'erfüllt|versendet',
    fr: 'traité|expédié',
    es: 'preparado|enviado',
    ja: '発送済み',
  },
  partiallyFulfilled: {
    en: 'partially fulfilled|partial',
    de: 'teilweise erfüllt',
    fr: 'partiellement traité',
    es: 'parcialmente preparado',
    ja: '一部発送済み',
  },
  unfulfilled: {
    en: 'unfulfilled',
    de: 'nicht erfüllt|unerfüllt',
    fr: 'non traité',
    es: 'no preparado',
    ja: '未発送',
  },
  restocked: {
    en: 'restocked',
    de: 'wieder eingelagert',
    fr: 'réapprovisionné',
    es: 'reabastecido',
    ja: '在庫補充済み',
  },
  /** The ellipsis under a stripped message (Content.tsx `<Ellipsis title="Show full content">`). */
  showFull: {
    en: 'show full content',
    de: 'vollständigen inhalt anzeigen',
    fr: 'afficher le contenu complet',
    es: 'mostrar contenido completo',
    ja: '全文を表示',
  },
  /** Marker of a machine-translated message (made-up wording: the translation UI text is unverified). */
  translated: {
    en: 'translated|see original|show original',
    de: 'übersetzt|original anzeigen',
    fr: "traduit|voir l’original|voir l'original",
    es: 'traducido|ver original',
    ja: '翻訳済み|原文を表示',
  },
} as const satisfies Record<string, LabelSet>;

/** Loop labels. */
export const LOOP_LABELS = {
  returnCredits: {
    en: 'return credits|returned items|items being returned|return items|items|returning items',
    de: 'rückgabegutschriften|zurückgesendete artikel|rücksendeartikel',
    fr: 'crédits de retour|articles retournés',
    es: 'créditos de devolución|artículos devueltos',
    ja: '返品クレジット|返品商品',
  },
  purchased: {
    en: 'purchased items|exchange items|new items',
    de: 'gekaufte artikel|umtauschartikel',
    fr: "articles achetés|articles d'échange",
    es: 'artículos comprados|artículos de cambio',
    ja: '購入商品|交換商品',
  },
  order: {
    en: 'order|order details|order information',
    de: 'bestellung|bestelldetails',
    fr: 'commande|détails de la commande',
    es: 'pedido|detalles del pedido',
    ja: '注文|注文詳細',
  },
  customer: {
    en: 'customer|customer details|customer information',
    de: 'kunde|kundendetails',
    fr: 'client|détails du client',
    es: 'cliente|detalles del cliente',
    ja: '顧客|顧客情報',
  },
  details: {
    en: 'details|return details|return information',
    de: 'details|rücksendedetails',
    fr: 'détails|détails du retour',
    es: 'detalles|detalles de la devolución',
    ja: '詳細|返品詳細',
  },
  totals: {
    en: 'totals|return summary|summary',
    de: 'summen|zusammenfassung',
    fr: 'totaux|résumé',
    es: 'totales|resumen',
    ja: '合計|概要',
  },
  sku: {
    en: 'sku|sku number',
    de: 'sku|artikelnummer',
    fr: 'sku|ugs|référence',
    es: 'sku|código de artículo',
    ja: 'sku|商品コード',
  },
  price: {
    en: 'price|unit price|item price',
    de: 'preis|stückpreis',
    fr: 'prix|prix unitaire',
    es: 'precio|precio unitario',
    ja: '価格|単価',
  },
  quantity: {
    en: 'quantity|qty',
    de: 'menge|anzahl',
    fr: 'quantité|qté',
    es: 'cantidad|cant.',
    ja: '数量',
  },
  category: {
    en: 'product type|category|type',
    de: 'produkttyp|kategorie',
    fr: 'type de produit|catégorie',
    es: 'tipo de producto|categoría',
    ja: '商品タイプ|カテゴリー',
  },
  variant: {
    en: 'variant|option|options',
    de: 'variante',
    fr: 'variante',
    es: 'variante',
    ja: 'バリエーション',
  },
  reason: {
    en: 'reason|return reason',
    de: 'grund|rückgabegrund',
    fr: 'motif|motif du retour|raison',
    es: 'motivo|motivo de devolución',
    ja: '理由|返品理由',
  },
  comment: {
    en: 'comment|customer comment|customer note|note from customer|comments',
    de: 'kommentar|kundenkommentar',
    fr: 'commentaire|commentaire du client',
    es: 'comentario|comentario del cliente',
    ja: 'コメント|顧客コメント',
  },
  photos: {
    en: 'customer photos|photos|images|customer images|attachments',
    de: 'kundenfotos|fotos|bilder',
    fr: 'photos du client|photos|images',
    es: 'fotos del cliente|fotos|imágenes',
    ja: '顧客の写真|写真|画像',
  },
  orderNumber: {
    en: 'order|order name|order number|order #',
    de: 'bestellung|bestellnummer',
    fr: 'commande|numéro de commande',
    es: 'pedido|número de pedido',
    ja: '注文|注文番号',
  },
  orderCreated: {
    en: 'created|order date|ordered|order placed|placed',
    de: 'bestelldatum|bestellt am',
    fr: 'date de commande|commandé le',
    es: 'fecha del pedido|pedido el',
    ja: '注文日',
  },
  delivered: {
    en: 'delivered|delivered on|delivery date',
    de: 'zugestellt|zugestellt am|lieferdatum',
    fr: 'livré|livré le|date de livraison',
    es: 'entregado|entregado el|fecha de entrega',
    ja: '配達日|配達済み',
  },
  name: {
    en: 'name|customer name|customer',
    de: 'name|kunde',
    fr: 'nom|client',
    es: 'nombre|cliente',
    ja: '名前|顧客名',
  },
  email: {
    en: 'email|e-mail|email address',
    de: 'e-mail|e-mail-adresse',
    fr: 'e-mail|courriel|adresse e-mail',
    es: 'correo electrónico|correo|email',
    ja: 'メール|メールアドレス',
  },
  country: { en: 'country|country/region', de: 'land', fr: 'pays', es: 'país', ja: '国|国/地域' },
  ordersCount: {
    en: 'orders|lifetime orders|total orders|order count',
    de: 'bestellungen',
    fr: 'commandes',
    es: 'pedidos',
    ja: '注文数',
  },
  returnsCount: {
    en: 'returns|past returns|previous returns|return count',
    de: 'rücksendungen|frühere rücksendungen',
    fr: 'retours|retours précédents',
    es: 'devoluciones|devoluciones anteriores',
    ja: '返品数|過去の返品',
  },
  outcome: {
    en: 'outcome|return type|requested outcome|resolution',
    de: 'ergebnis|rückgabeart',
    fr: 'résultat|type de retour',
    es: 'resultado|tipo de devolución',
    ja: '結果|返品タイプ',
  },
  method: {
    en: 'return method|shipping method|method',
    de: 'rücksendemethode|versandart',
    fr: "méthode de retour|mode d'expédition",
    es: 'método de devolución|método de envío',
    ja: '返品方法|配送方法',
  },
  status: { en: 'status|state', de: 'status', fr: 'statut|état', es: 'estado', ja: 'ステータス' },
  created: {
    en: 'return created|created|created at',
    de: 'erstellt|rücksendung erstellt',
    fr: 'créé|retour créé',
    es: 'creado|devolución creada',
    ja: '作成日|返品作成日',
  },
  /** The AI image-recognition overlay beside shopper photos (help article 9565825): never the customer's words. */
  imageRecognition: {
    en: 'image recognition|ai image analysis|item condition|ai description|description',
    de: 'bilderkennung|artikelzustand',
    fr: "reconnaissance d'image|état de l'article",
    es: 'reconocimiento de imagen|estado del artículo',
    ja: '画像認識|商品の状態',
  },
  finalSale: {
    en: 'final sale|final-sale|non-returnable|not returnable',
    de: 'endverkauf|vom umtausch ausgeschlossen',
    fr: 'vente finale|non retournable',
    es: 'venta final|no retornable',
    ja: '返品不可|ファイナルセール',
  },
} as const satisfies Record<string, LabelSet>;

/** Every app's labels, keyed by app (for tests and tools; content scripts import their own table). */
export const SITE_LABELS = { gorgias: GORGIAS_LABELS, loop: LOOP_LABELS } as const;

/** Lower case, spaces collapsed, trailing colon and a count in brackets dropped: "Return Credits (2):" → "return credits". */
export function normLabel(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s*[:：]$/, '')
    .replace(/\s*[(（]\s*\d+\s*[)）]$/, '')
    .trim();
}

/** Every spelling of one label, all languages (normalised): `labelsOf(LOOP_LABELS, 'sku')`. */
export function labelsOf<T extends Record<string, LabelSet>>(table: T, key: keyof T): readonly string[] {
  const set = table[key] as LabelSet;
  return LANGS.flatMap((l) => set[l].split('|'));
}

/** The language whose spelling of `key` is `text`, or null. */
export function labelLang<T extends Record<string, LabelSet>>(table: T, key: keyof T, text: string): Lang | null {
  const set = table[key] as LabelSet;
  const t = normLabel(text);
  return LANGS.find((l) => set[l].split('|').includes(t)) ?? null;
}

/** Every key of an app's table with all its spellings (what the background hands a content script). */
export function flatLabels<T extends Record<string, LabelSet>>(table: T): Record<string, string[]> {
  return Object.fromEntries(Object.keys(table).map((k) => [k, [...labelsOf(table, k)]]));
}
