// Regions are written as free text in English ("Hebei · Tianjin"); the Chinese pages name China's
// provinces, municipalities and regions, and the countries partners come from, in Chinese
// (issue 23.8). A part nobody translated stays as written.

const ZH: Record<string, string> = {
  // Provincial-level divisions of China.
  beijing: '北京',
  tianjin: '天津',
  shanghai: '上海',
  chongqing: '重庆',
  hebei: '河北',
  shanxi: '山西',
  'inner mongolia': '内蒙古',
  liaoning: '辽宁',
  jilin: '吉林',
  heilongjiang: '黑龙江',
  jiangsu: '江苏',
  zhejiang: '浙江',
  anhui: '安徽',
  fujian: '福建',
  jiangxi: '江西',
  shandong: '山东',
  henan: '河南',
  hubei: '湖北',
  hunan: '湖南',
  guangdong: '广东',
  guangxi: '广西',
  hainan: '海南',
  sichuan: '四川',
  guizhou: '贵州',
  yunnan: '云南',
  tibet: '西藏',
  xizang: '西藏',
  shaanxi: '陕西',
  gansu: '甘肃',
  qinghai: '青海',
  ningxia: '宁夏',
  xinjiang: '新疆',
  'hong kong': '香港',
  macau: '澳门',
  macao: '澳门',
  taiwan: '台湾',
  // Cities that labs and partners name as their region.
  shenzhen: '深圳',
  wuhan: '武汉',
  shenyang: '沈阳',
  suzhou: '苏州',
  hefei: '合肥',
  chengdu: '成都',
  xian: '西安',
  "xi'an": '西安',
  // Countries and regions partners come from.
  china: '中国',
  germany: '德国',
  japan: '日本',
  'south korea': '韩国',
  korea: '韩国',
  'united states': '美国',
  usa: '美国',
  'united kingdom': '英国',
  uk: '英国',
  france: '法国',
  italy: '意大利',
  netherlands: '荷兰',
  switzerland: '瑞士',
  sweden: '瑞典',
  finland: '芬兰',
  austria: '奥地利',
  singapore: '新加坡',
  europe: '欧洲',
};

/** A region as the reader's language names it: each known part of "Hebei · Tianjin" in Chinese on Chinese pages. */
export function regionName(locale: string, region: string): string;
export function regionName(locale: string, region: string | null | undefined): string | null;
export function regionName(locale: string, region: string | null | undefined): string | null {
  if (region === null || region === undefined) return null;
  if (locale !== 'zh-CN') return region;
  return region
    .split(/(\s*[·,;/、，]\s*)/)
    .map((part, i) => (i % 2 === 1 ? (part.trim() === '·' ? ' · ' : '、') : (ZH[part.trim().toLowerCase()] ?? part)))
    .join('');
}
