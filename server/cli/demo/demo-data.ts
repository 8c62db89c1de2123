// The demo dataset shown on first start. Facts from public reporting are marked `fact` in
// comments and keep their real dates; every other figure is illustrative, and the demo labs say
// so on their pages. Illustrative dates are offsets in days from the day the seed runs, so the
// demo always has work that is overdue, due soon and finished.

import type {
  ChainPosition,
  GoalDirection,
  GoalUnit,
  Health,
  ItemKind,
  LabRole,
  LabStatus,
  MilestoneStatus,
  OrganisationTier,
  OrganisationType,
  ParticipationRole,
  Sector,
  Stage,
  Visibility,
} from '@/common/enums';

/** A fixed ISO date, or an offset in days from the seed date. */
export type DemoDate = string | number;

export type DemoOrganisation = {
  key: string;
  legalName: string;
  shortName: string;
  nameEn: string;
  nameZh?: string;
  type: OrganisationType;
  tier: OrganisationTier;
  chainPosition?: ChainPosition;
  region: string;
  website?: string;
};

/**
 * A change made to a milestone after it was planned, written to the audit log at its date so the
 * demo's activity, "what changed" and status reports have a history. A `forecast` is a re-plan by
 * the manager; the other fields are progress logged by a member. The seed also records the plan,
 * the re-plan of the second baseline and the actual start and finish on its own (demo-history.ts).
 */
export type DemoMilestoneChange = {
  at: DemoDate;
  by: string;
  status?: MilestoneStatus;
  percent?: number;
  forecast?: [DemoDate, DemoDate];
};

export type DemoMilestone = {
  key: string;
  title: string;
  description: string;
  phase: Stage;
  owner: string;
  /** The plan as approved at the first baseline, then as re-planned at the second (if any). */
  baseline: [DemoDate, DemoDate];
  replan?: [DemoDate, DemoDate];
  forecast: [DemoDate, DemoDate];
  actual?: [DemoDate | null, DemoDate | null];
  status: MilestoneStatus;
  percent: number;
  isPublic: boolean;
  /** Changes after the plan, oldest first; replayed, they end at the values above. */
  history?: DemoMilestoneChange[];
};

export type DemoMeasurement = { asOf: DemoDate; value: number; source: string; sourceUrl?: string; comment?: string; by: string };

export type DemoGoal = {
  key: string;
  titleEn: string;
  titleZh: string;
  itemKind: ItemKind;
  itemNameEn: string;
  itemNameZh: string;
  metricEn: string;
  metricZh: string;
  unit: GoalUnit;
  direction: GoalDirection;
  baseline: [DemoDate, number];
  target: [DemoDate, number];
  owner: string;
  isPublic: boolean;
  milestones: string[];
  measurements: DemoMeasurement[];
};

export type DemoUpdate = {
  at: number;
  by: string;
  health: Health;
  isPublic: boolean;
  body: string;
  milestones?: string[];
  goals?: string[];
};

export type DemoLab = {
  slug: string;
  nameEn: string;
  nameZh: string;
  acronymEn?: string;
  acronymZh?: string;
  objectiveEn: string;
  objectiveZh: string;
  sector: Sector;
  chainEn: string;
  chainZh: string;
  region: string;
  stage: Stage;
  status: LabStatus;
  start: DemoDate;
  end?: DemoDate;
  visibility: Visibility;
  technologies: { en: string; zh: string }[];
  partners: { org: string; role: ParticipationRole; joinedOn: DemoDate; contribution: string; budgetCny?: number }[];
  /** `lastVisit`: when the person last opened the lab, in days from the seed date (for "what changed since my last visit"). */
  members: { user: string; role: LabRole; lastVisit?: number }[];
  baselineNames: [string, string?];
  milestones: DemoMilestone[];
  dependencies: [string, string, number][];
  goals: DemoGoal[];
  updates: DemoUpdate[];
};

export type DemoUser = { key: string; email: string; name: string; org?: string; isAdmin?: boolean };

export const DEMO_PASSWORD = 'demo-password';

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'xiaomi',
    legalName: '小米科技有限责任公司',
    shortName: 'Xiaomi',
    nameEn: 'Xiaomi Corporation',
    nameZh: '小米集团',
    type: 'enterprise',
    tier: 'chain_leader',
    chainPosition: 'downstream_products',
    region: 'Beijing',
    website: 'https://www.mi.com',
  },
  {
    key: 'tianma',
    legalName: '天马微电子股份有限公司',
    shortName: 'Tianma',
    nameEn: 'Tianma Microelectronics',
    nameZh: '天马微电子',
    type: 'enterprise',
    tier: 'other',
    chainPosition: 'midstream_manufacturing',
    region: 'Guangdong',
    website: 'https://www.tianma.cn',
  },
  {
    key: 'csot',
    legalName: '武汉华星光电技术有限公司',
    shortName: 'CSOT Wuhan',
    nameEn: 'Wuhan China Star Optoelectronics',
    nameZh: '武汉华星光电',
    type: 'enterprise',
    tier: 'other',
    chainPosition: 'midstream_manufacturing',
    region: 'Hubei',
    website: 'https://www.szcsot.com',
  },
  {
    key: 'bmw',
    legalName: 'Bayerische Motoren Werke AG',
    shortName: 'BMW',
    nameEn: 'BMW Group',
    nameZh: '宝马集团',
    type: 'enterprise',
    tier: 'chain_leader',
    chainPosition: 'downstream_products',
    region: 'Germany',
    website: 'https://www.bmwgroup.com',
  },
  {
    key: 'hbis',
    legalName: '河钢集团有限公司',
    shortName: 'HBIS',
    nameEn: 'HBIS Group',
    nameZh: '河钢集团',
    type: 'enterprise',
    tier: 'chain_leader',
    chainPosition: 'upstream_materials',
    region: 'Hebei',
    website: 'https://www.hbisco.com',
  },
  {
    key: 'vacuum',
    legalName: 'Huabei Vacuum Equipment Co., Ltd. (demo)',
    shortName: 'Huabei Vacuum (demo)',
    nameEn: 'Huabei Vacuum Equipment (demo)',
    nameZh: '华北真空装备（演示）',
    type: 'enterprise',
    tier: 'little_giant',
    chainPosition: 'upstream_equipment',
    region: 'Hebei',
  },
  {
    key: 'institute',
    legalName: 'Institute of Advanced Manufacturing (demo)',
    shortName: 'IAM (demo)',
    nameEn: 'Institute of Advanced Manufacturing (demo)',
    nameZh: '先进制造研究院（演示）',
    type: 'research_institute',
    tier: 'other',
    region: 'Tianjin',
  },
  {
    key: 'university',
    legalName: 'Lianhe University of Technology (demo)',
    shortName: 'LUT (demo)',
    nameEn: 'Lianhe University of Technology (demo)',
    nameZh: '联合理工大学（演示）',
    type: 'university',
    tier: 'other',
    region: 'Jiangsu',
  },
];

export const demoUsers: DemoUser[] = [
  { key: 'admin', email: 'admin@demo.local', name: 'Platform Admin', isAdmin: true },
  { key: 'manager', email: 'manager@demo.local', name: 'Li Wei', org: 'xiaomi' },
  { key: 'member', email: 'member@demo.local', name: 'Zhang Min', org: 'tianma' },
  { key: 'viewer', email: 'viewer@demo.local', name: 'Chen Jing', org: 'csot' },
  { key: 'steel', email: 'steel@demo.local', name: 'Anna Schmidt', org: 'bmw' },
  { key: 'equipment', email: 'equipment@demo.local', name: 'Wang Jun', org: 'vacuum' },
];

const newDisplayLab: DemoLab = {
  slug: 'new-display-lab',
  nameEn: 'New Display Technology Joint Laboratory',
  nameZh: '新型显示技术联合实验室',
  acronymEn: 'NDTL',
  objectiveEn:
    'Integrate equipment, materials and technology verification to carry new OLED display technology from R&D collaboration through iteration to commercialization and mass production. Its first result is a custom 1.5K OLED display for Xiaomi phones.',
  objectiveZh: '整合装备、材料与技术验证，推动新型OLED显示技术从研发协同、迭代走向商业化与量产。首个成果是为小米手机定制的1.5K OLED屏幕。',
  sector: 'electronics',
  chainEn: 'OLED display',
  chainZh: 'OLED显示',
  region: 'Beijing · Guangdong · Hubei',
  stage: 'commercialization',
  status: 'active',
  start: '2022-07-01',
  end: 800,
  visibility: 'public',
  technologies: [
    { en: 'OLED evaporation materials', zh: 'OLED蒸镀材料' },
    { en: 'Fine metal masks (FMM)', zh: '精细金属掩膜版' },
    { en: 'LTPO backplane process', zh: 'LTPO背板工艺' },
  ],
  partners: [
    { org: 'xiaomi', role: 'lead', joinedOn: '2022-07-01', contribution: 'Product definition, end-user verification, joint R&D funding' },
    { org: 'tianma', role: 'core_partner', joinedOn: '2022-07-01', contribution: 'Panel design and LTPO process, pilot capacity' },
    {
      org: 'csot',
      role: 'core_partner',
      joinedOn: '2022-07-01',
      contribution: 'Materials and equipment verification lines, mass-production capacity',
    },
  ],
  members: [
    { user: 'manager', role: 'manager', lastVisit: -7 },
    { user: 'member', role: 'member', lastVisit: -21 },
    { user: 'viewer', role: 'viewer' },
  ],
  baselineNames: ['Plan approved at launch', 'Re-plan after first product'],
  milestones: [
    {
      key: 'charter',
      title: 'Joint lab charter and governance signed',
      description: 'Partners agree on governance, IP sharing and the verification workflow.',
      phase: 'rnd',
      owner: 'xiaomi',
      baseline: ['2022-07-01', '2022-08-31'],
      forecast: ['2022-07-01', '2022-08-31'],
      actual: ['2022-07-01', '2022-08-26'],
      status: 'done',
      percent: 100,
      isPublic: true,
    },
    {
      key: 'spec',
      title: '1.5K OLED panel specification frozen',
      description: 'Resolution, power and brightness targets agreed between phone and panel teams.',
      phase: 'rnd',
      owner: 'xiaomi',
      baseline: ['2022-09-01', '2022-11-30'],
      forecast: ['2022-09-01', '2022-12-15'],
      actual: ['2022-09-05', '2022-12-15'],
      status: 'done',
      percent: 100,
      isPublic: true,
      history: [{ at: '2022-11-14', by: 'manager', forecast: ['2022-09-01', '2022-12-15'] }],
    },
    {
      key: 'samples',
      title: 'Custom 1.5K OLED engineering samples',
      description: 'First engineering samples of the custom panel pass reliability tests.',
      phase: 'tech_verification',
      owner: 'tianma',
      baseline: ['2022-12-01', '2023-04-30'],
      forecast: ['2022-12-16', '2023-05-31'],
      actual: ['2022-12-16', '2023-05-26'],
      status: 'done',
      percent: 100,
      isPublic: true,
      history: [{ at: '2022-12-15', by: 'manager', forecast: ['2022-12-16', '2023-05-31'] }],
    },
    {
      key: 'materials1',
      title: 'Domestic evaporation materials verification, round 1',
      description: 'Verify domestically made host and dopant materials on the verification line.',
      phase: 'tech_verification',
      owner: 'csot',
      baseline: ['2022-12-01', '2023-06-30'],
      forecast: ['2022-12-01', '2023-07-31'],
      actual: ['2022-12-05', '2023-07-28'],
      status: 'done',
      percent: 100,
      isPublic: true,
      history: [{ at: '2023-06-05', by: 'manager', forecast: ['2022-12-01', '2023-07-31'] }],
    },
    {
      key: 'launch',
      title: 'Phone with the custom 1.5K OLED display ships',
      description: 'The lab’s first result reaches customers in a Xiaomi phone.',
      phase: 'commercialization',
      owner: 'xiaomi',
      baseline: ['2023-06-01', '2023-10-31'],
      forecast: ['2023-06-01', '2023-10-31'],
      actual: ['2023-06-05', '2023-10-26'],
      status: 'done',
      percent: 100,
      isPublic: true,
    },
    {
      key: 'ltpo',
      title: 'LTPO backplane process verification',
      description: 'Low-temperature polycrystalline oxide backplane verified at pilot yield.',
      phase: 'tech_verification',
      owner: 'tianma',
      baseline: [-240, -30],
      replan: [-240, -20],
      forecast: [-240, 15],
      actual: [-236, null],
      status: 'in_progress',
      percent: 70,
      isPublic: true,
      history: [
        { at: -180, by: 'member', percent: 20 },
        { at: -120, by: 'member', percent: 40 },
        { at: -60, by: 'member', percent: 55 },
        { at: -20, by: 'manager', forecast: [-240, 15] },
        { at: -3, by: 'member', percent: 70 },
      ],
    },
    {
      key: 'fmm',
      title: 'Domestic fine metal mask pilot trial',
      description: 'Trial of domestically made fine metal masks on the evaporation line.',
      phase: 'pilot',
      owner: 'csot',
      baseline: [-200, -40],
      replan: [-200, -30],
      forecast: [-200, -5],
      actual: [-190, null],
      status: 'at_risk',
      percent: 35,
      isPublic: true,
      history: [
        { at: -150, by: 'member', percent: 15 },
        { at: -100, by: 'member', percent: 25 },
        { at: -45, by: 'member', status: 'at_risk', percent: 30 },
        { at: -28, by: 'manager', forecast: [-200, -5] },
        { at: -6, by: 'member', percent: 35 },
      ],
    },
    {
      key: 'udc',
      title: 'Confidential: under-display camera panel prototype',
      description: 'Prototype panel for a future flagship; details restricted to the partners.',
      phase: 'rnd',
      owner: 'tianma',
      baseline: [-120, 60],
      forecast: [-120, 75],
      actual: [-118, null],
      status: 'in_progress',
      percent: 45,
      isPublic: false,
      history: [
        { at: -80, by: 'member', percent: 20 },
        { at: -40, by: 'manager', forecast: [-120, 75] },
        { at: -12, by: 'member', percent: 45 },
      ],
    },
    {
      key: 'materials2',
      title: 'Domestic evaporation materials verification, round 2',
      description: 'Second-generation materials verified for the pilot run.',
      phase: 'pilot',
      owner: 'csot',
      baseline: [-60, 90],
      replan: [-30, 100],
      forecast: [-30, 100],
      actual: [-28, null],
      status: 'in_progress',
      percent: 20,
      isPublic: true,
      history: [{ at: -10, by: 'member', percent: 20 }],
    },
    {
      key: 'pilot',
      title: 'Pilot run with domestic materials (10,000 panels)',
      description: 'Pilot production run using domestically verified materials and masks.',
      phase: 'pilot',
      owner: 'tianma',
      baseline: [20, 180],
      replan: [25, 190],
      forecast: [20, 190],
      status: 'not_started',
      percent: 0,
      isPublic: true,
      history: [{ at: -19, by: 'manager', forecast: [20, 190] }],
    },
    {
      key: 'foldable',
      title: 'Confidential: foldable panel supply terms',
      description: 'Commercial terms for a foldable panel; restricted to the partners.',
      phase: 'commercialization',
      owner: 'xiaomi',
      baseline: [120, 240],
      forecast: [140, 260],
      status: 'not_started',
      percent: 0,
      isPublic: false,
      history: [{ at: -150, by: 'manager', forecast: [140, 260] }],
    },
    {
      key: 'mass',
      title: 'Mass production with at least 30 % domestic materials',
      description: 'Series production of the next panel generation with the localization target met.',
      phase: 'mass_production',
      owner: 'csot',
      baseline: [200, 400],
      replan: [210, 420],
      forecast: [215, 430],
      status: 'not_started',
      percent: 0,
      isPublic: true,
      history: [{ at: -19, by: 'manager', forecast: [215, 430] }],
    },
  ],
  dependencies: [
    ['charter', 'spec', 0],
    ['spec', 'samples', 0],
    ['spec', 'materials1', 0],
    ['samples', 'launch', 0],
    ['materials1', 'materials2', 14],
    ['ltpo', 'pilot', 14],
    ['fmm', 'pilot', 0],
    ['materials2', 'pilot', 0],
    ['pilot', 'mass', 14],
    ['udc', 'foldable', 30],
  ],
  goals: [
    {
      key: 'evap',
      titleEn: 'Raise the domestic share of OLED evaporation materials',
      titleZh: '提高OLED蒸镀材料国产化率',
      itemKind: 'material',
      itemNameEn: 'OLED evaporation materials',
      itemNameZh: 'OLED蒸镀材料',
      metricEn: 'Domestic share of purchases by value',
      metricZh: '国产采购额占比',
      unit: 'percent',
      direction: 'raise',
      baseline: [-1000, 8],
      target: [400, 30],
      owner: 'csot',
      isPublic: true,
      milestones: ['materials1', 'materials2', 'mass'],
      measurements: [
        { asOf: -900, value: 8.5, source: 'Purchasing report Q1', by: 'member' },
        { asOf: -720, value: 10.2, source: 'Purchasing report Q3', by: 'member' },
        { asOf: -540, value: 12.8, source: 'Purchasing report Q1', by: 'member' },
        { asOf: -360, value: 15.1, source: 'Purchasing report Q3', by: 'member', comment: 'Round 1 materials in use on one line.' },
        { asOf: -180, value: 18.4, source: 'Purchasing report Q1', by: 'member' },
        { asOf: -40, value: 21.2, source: 'Purchasing report Q3', by: 'member', comment: 'Round 2 materials not yet qualified.' },
      ],
    },
    {
      key: 'shipments',
      titleEn: 'Domestic makers’ share of OLED panel shipments',
      titleZh: '国内厂商OLED面板出货份额',
      itemKind: 'component',
      itemNameEn: 'OLED panels',
      itemNameZh: 'OLED面板',
      metricEn: 'Share of global OLED panel shipments',
      metricZh: '全球OLED面板出货份额',
      unit: 'percent',
      direction: 'raise',
      baseline: ['2019-06-30', 11.5],
      target: [760, 45],
      owner: 'xiaomi',
      isPublic: true,
      milestones: ['launch', 'mass'],
      measurements: [
        // fact: domestic makers shipped 24.7 % of OLED panels in Q2 2022 (public reporting).
        {
          asOf: '2022-06-30',
          value: 24.7,
          source: 'Public market reporting, Q2 2022',
          by: 'manager',
          comment: 'More than double the 2019 share.',
        },
        { asOf: -820, value: 27.5, source: 'Market tracker (illustrative)', by: 'manager' },
        { asOf: -540, value: 31, source: 'Market tracker (illustrative)', by: 'manager' },
        { asOf: -270, value: 34.8, source: 'Market tracker (illustrative)', by: 'manager' },
        { asOf: -60, value: 37.9, source: 'Market tracker (illustrative)', by: 'manager' },
      ],
    },
    {
      key: 'fmmShare',
      titleEn: 'Qualify domestic fine metal masks',
      titleZh: '国产精细金属掩膜版导入',
      itemKind: 'component',
      itemNameEn: 'Fine metal masks',
      itemNameZh: '精细金属掩膜版',
      metricEn: 'Share of masks from domestic suppliers',
      metricZh: '国产掩膜版占比',
      unit: 'percent',
      direction: 'raise',
      baseline: [-400, 0],
      target: [500, 20],
      owner: 'csot',
      isPublic: true,
      milestones: ['fmm', 'pilot'],
      measurements: [
        { asOf: -300, value: 0, source: 'Line report', by: 'member' },
        { asOf: -200, value: 0.5, source: 'Line report', by: 'member' },
        { asOf: -120, value: 1, source: 'Line report', by: 'member' },
        { asOf: -20, value: 2, source: 'Line report', by: 'member', comment: 'Pilot trial yield below target.' },
      ],
    },
    {
      key: 'driverIc',
      titleEn: 'Confidential: qualified domestic driver IC suppliers',
      titleZh: '保密：通过验证的国产驱动芯片供应商',
      itemKind: 'component',
      itemNameEn: 'Display driver ICs',
      itemNameZh: '显示驱动芯片',
      metricEn: 'Suppliers qualified',
      metricZh: '通过验证的供应商数',
      unit: 'count',
      direction: 'raise',
      baseline: [-500, 0],
      target: [300, 3],
      owner: 'xiaomi',
      isPublic: false,
      milestones: ['udc'],
      measurements: [
        { asOf: -400, value: 0, source: 'Supplier review', by: 'manager' },
        { asOf: -250, value: 1, source: 'Supplier review', by: 'manager' },
        { asOf: -100, value: 1, source: 'Supplier review', by: 'manager' },
        { asOf: -10, value: 2, source: 'Supplier review', by: 'manager' },
      ],
    },
  ],
  updates: [
    {
      at: -900,
      by: 'manager',
      health: 'on_track',
      isPublic: true,
      milestones: ['charter'],
      body: 'The joint lab is up and running. Governance and the **verification workflow** are agreed by all three partners.',
    },
    {
      at: -800,
      by: 'member',
      health: 'on_track',
      isPublic: false,
      milestones: ['samples'],
      body: 'Engineering samples passed the first reliability round. Two open points on brightness uniformity.',
    },
    {
      at: -700,
      by: 'member',
      health: 'at_risk',
      isPublic: false,
      milestones: ['materials1'],
      goals: ['evap'],
      body: 'Round 1 host material shows a lifetime gap of about 8 % versus the incumbent. Extra verification batch scheduled.',
    },
    {
      at: -640,
      by: 'manager',
      health: 'on_track',
      isPublic: true,
      milestones: ['launch'],
      body: 'The phone with our custom **1.5K OLED display** is shipping. Thank you to every team involved.',
    },
    {
      at: -400,
      by: 'manager',
      health: 'on_track',
      isPublic: true,
      goals: ['shipments'],
      body: 'Domestic share of OLED panel shipments keeps rising; see the goal chart for the latest figure.',
    },
    {
      at: -300,
      by: 'member',
      health: 'on_track',
      isPublic: false,
      milestones: ['ltpo'],
      body: 'LTPO backplane: first wafers through the new annealing step.',
    },
    {
      at: -200,
      by: 'member',
      health: 'at_risk',
      isPublic: false,
      milestones: ['fmm'],
      goals: ['fmmShare'],
      body: 'Fine metal mask trial started. Tension uniformity is below spec on 2 of 6 masks.',
    },
    {
      at: -150,
      by: 'manager',
      health: 'at_risk',
      isPublic: false,
      milestones: ['udc'],
      goals: ['driverIc'],
      body: 'Under-display camera prototype needs a second driver IC source; one candidate in qualification.',
    },
    {
      at: -90,
      by: 'member',
      health: 'on_track',
      isPublic: false,
      milestones: ['materials2'],
      body: 'Round 2 materials delivered for verification.',
    },
    {
      at: -45,
      by: 'member',
      health: 'off_track',
      isPublic: false,
      milestones: ['fmm'],
      goals: ['fmmShare'],
      body: 'FMM pilot trial slipping: yield at 62 % against 85 % needed. Supplier on site next week.',
    },
    {
      at: -20,
      by: 'manager',
      health: 'at_risk',
      isPublic: true,
      milestones: ['ltpo', 'pilot'],
      body: 'LTPO verification will finish later than planned, which pushes the start of the pilot run. Rescheduling is under review.',
    },
    {
      at: -3,
      by: 'member',
      health: 'at_risk',
      isPublic: false,
      milestones: ['ltpo'],
      body: 'LTPO at 70 %. Remaining: mura compensation tuning and the final reliability batch.',
    },
  ],
};

const greenSteelLab: DemoLab = {
  slug: 'green-auto-steel',
  nameEn: 'Green Low-Carbon Automotive Steel Supply Chain',
  nameZh: '绿色低碳汽车钢供应链',
  acronymEn: 'GLCS',
  objectiveEn:
    'Build a green, low-carbon automotive steel supply chain: steel from HBIS’s hydrogen metallurgy demonstration project supplied to BMW’s Shenyang production base, emitting 10–30 % less CO2 than conventional steel.',
  objectiveZh: '打造绿色低碳汽车钢供应链：河钢氢冶金示范项目生产的低碳钢供应宝马沈阳生产基地，二氧化碳排放比传统钢材低10%–30%。',
  sector: 'steel_metallurgy',
  chainEn: 'Automotive steel',
  chainZh: '汽车用钢',
  region: 'Hebei · Liaoning',
  stage: 'mass_production',
  status: 'active',
  // fact: BMW Group and HBIS signed a memorandum on 2022-08-04.
  start: '2022-08-04',
  end: 1100,
  visibility: 'public',
  technologies: [
    { en: 'Hydrogen-based direct reduction', zh: '氢基直接还原' },
    { en: 'Low-carbon steel for exposed body panels', zh: '外板用低碳钢' },
  ],
  partners: [
    { org: 'bmw', role: 'lead', joinedOn: '2022-08-04', contribution: 'Offtake for the Shenyang base, part qualification, CO2 accounting' },
    {
      org: 'hbis',
      role: 'core_partner',
      joinedOn: '2022-08-04',
      contribution: 'Hydrogen metallurgy demonstration project (1.2 million tonnes), steel supply',
    },
  ],
  members: [{ user: 'steel', role: 'manager', lastVisit: -6 }],
  baselineNames: ['Plan at memorandum signing', 'Re-plan for series supply'],
  milestones: [
    {
      key: 'mou',
      title: 'Memorandum of understanding signed',
      description: 'BMW Group and HBIS agree to build a green low-carbon automotive steel supply chain.',
      phase: 'rnd',
      owner: 'bmw',
      baseline: ['2022-08-04', '2022-08-04'],
      forecast: ['2022-08-04', '2022-08-04'],
      actual: ['2022-08-04', '2022-08-04'],
      status: 'done',
      percent: 100,
      isPublic: true,
    },
    {
      key: 'accounting',
      title: 'CO2 accounting method agreed',
      description: 'Cradle-to-gate accounting method and evidence for each delivery.',
      phase: 'tech_verification',
      owner: 'bmw',
      baseline: ['2022-08-15', '2022-12-31'],
      forecast: ['2022-08-15', '2023-01-31'],
      actual: ['2022-08-20', '2023-01-20'],
      status: 'done',
      percent: 100,
      isPublic: true,
      history: [{ at: '2022-12-10', by: 'steel', forecast: ['2022-08-15', '2023-01-31'] }],
    },
    {
      key: 'qualify',
      title: 'Low-carbon steel grades qualified for BMW parts',
      description: 'Material and part tests for the first steel grades.',
      phase: 'tech_verification',
      owner: 'bmw',
      baseline: ['2022-09-01', '2023-03-31'],
      forecast: ['2022-09-01', '2023-04-30'],
      actual: ['2022-09-05', '2023-04-25'],
      status: 'done',
      percent: 100,
      isPublic: true,
      history: [{ at: '2023-03-01', by: 'steel', forecast: ['2022-09-01', '2023-04-30'] }],
    },
    {
      key: 'firstSupply',
      title: 'First low-carbon steel supplied to BMW Shenyang',
      description: 'Deliveries from the hydrogen metallurgy demonstration project begin (mid-2023).',
      phase: 'commercialization',
      owner: 'hbis',
      baseline: ['2023-04-01', '2023-06-30'],
      forecast: ['2023-05-01', '2023-06-30'],
      actual: ['2023-05-02', '2023-06-30'],
      status: 'done',
      percent: 100,
      isPublic: true,
      history: [{ at: '2023-03-01', by: 'steel', forecast: ['2023-05-01', '2023-06-30'] }],
    },
    {
      key: 'eaf',
      title: 'Scrap-based electric-arc furnace steel trial',
      description: 'Trial of EAF steel from scrap for structural parts.',
      phase: 'pilot',
      owner: 'hbis',
      baseline: [-300, -60],
      replan: [-300, -30],
      forecast: [-300, -10],
      actual: [-290, null],
      status: 'at_risk',
      percent: 55,
      isPublic: true,
      history: [
        { at: -250, by: 'steel', status: 'at_risk', percent: 15 },
        { at: -150, by: 'steel', percent: 35 },
        { at: -45, by: 'steel', percent: 50 },
        { at: -25, by: 'steel', forecast: [-300, -10] },
        { at: -10, by: 'steel', percent: 55 },
      ],
    },
    {
      key: 'ramp',
      title: 'Supply ramp-up to series models',
      description: 'Volumes raised to cover series models built in Shenyang.',
      phase: 'mass_production',
      owner: 'hbis',
      baseline: [-200, 60],
      replan: [-200, 90],
      forecast: [-200, 120],
      actual: [-195, null],
      status: 'in_progress',
      percent: 60,
      isPublic: true,
      history: [
        { at: -150, by: 'steel', percent: 20 },
        { at: -120, by: 'steel', forecast: [-200, 120] },
        { at: -60, by: 'steel', percent: 45 },
        { at: -14, by: 'steel', percent: 60 },
      ],
    },
    {
      key: 'loop',
      title: 'Closed-loop scrap recycling pilot',
      description: 'Press-shop scrap from Shenyang returned to the steel mill.',
      phase: 'pilot',
      owner: 'bmw',
      baseline: [30, 240],
      forecast: [55, 265],
      status: 'not_started',
      percent: 0,
      isPublic: true,
      history: [{ at: -9, by: 'steel', forecast: [55, 265] }],
    },
    {
      key: 'verify',
      title: 'Third-party verification of CO2 reduction',
      description: 'Independent verification of the CO2 reduction claimed for delivered steel.',
      phase: 'commercialization',
      owner: 'bmw',
      baseline: [60, 150],
      forecast: [130, 220],
      status: 'not_started',
      percent: 0,
      isPublic: true,
      history: [{ at: -21, by: 'steel', forecast: [130, 220] }],
    },
  ],
  dependencies: [
    ['mou', 'accounting', 0],
    ['mou', 'qualify', 0],
    ['qualify', 'firstSupply', 0],
    ['accounting', 'firstSupply', 0],
    ['firstSupply', 'ramp', 0],
    ['eaf', 'loop', 14],
    ['ramp', 'verify', 10],
    // A lead (negative lag): the recycling pilot starts 66 days before the series ramp-up ends.
    ['ramp', 'loop', -66],
  ],
  goals: [
    {
      key: 'co2',
      titleEn: 'Lower the CO2 intensity of supplied steel',
      titleZh: '降低供应钢材的碳排放强度',
      itemKind: 'material',
      itemNameEn: 'Automotive steel',
      itemNameZh: '汽车用钢',
      metricEn: 'CO2 per tonne of steel, cradle to gate',
      metricZh: '吨钢二氧化碳排放（从摇篮到大门）',
      unit: 'kg_co2e_per_t',
      direction: 'lower',
      baseline: ['2022-08-04', 2000],
      target: [400, 1400],
      owner: 'hbis',
      isPublic: true,
      milestones: ['accounting', 'eaf', 'verify'],
      measurements: [
        {
          asOf: '2023-06-30',
          value: 1800,
          source: 'Delivery certificates (illustrative)',
          by: 'steel',
          comment: 'First deliveries: about 10 % below conventional steel.',
        },
        { asOf: -800, value: 1760, source: 'Quarterly CO2 report (illustrative)', by: 'steel' },
        { asOf: -600, value: 1720, source: 'Quarterly CO2 report (illustrative)', by: 'steel' },
        { asOf: -400, value: 1690, source: 'Quarterly CO2 report (illustrative)', by: 'steel' },
        { asOf: -200, value: 1660, source: 'Quarterly CO2 report (illustrative)', by: 'steel' },
        {
          asOf: -30,
          value: 1640,
          source: 'Quarterly CO2 report (illustrative)',
          by: 'steel',
          comment: 'EAF trial delay holds back further reduction.',
        },
      ],
    },
    {
      key: 'share',
      titleEn: 'Raise the share of low-carbon steel at BMW Shenyang',
      titleZh: '提高宝马沈阳基地低碳钢使用比例',
      itemKind: 'material',
      itemNameEn: 'Flat steel for body in white',
      itemNameZh: '白车身用板材',
      metricEn: 'Share of flat steel purchases',
      metricZh: '板材采购占比',
      unit: 'percent',
      direction: 'raise',
      baseline: ['2023-01-01', 0],
      target: [700, 25],
      owner: 'bmw',
      isPublic: true,
      milestones: ['firstSupply', 'ramp'],
      measurements: [
        { asOf: '2023-09-30', value: 1.5, source: 'Purchasing (illustrative)', by: 'steel' },
        { asOf: -700, value: 4, source: 'Purchasing (illustrative)', by: 'steel' },
        { asOf: -450, value: 7.5, source: 'Purchasing (illustrative)', by: 'steel' },
        { asOf: -200, value: 11, source: 'Purchasing (illustrative)', by: 'steel' },
        { asOf: -15, value: 14.5, source: 'Purchasing (illustrative)', by: 'steel' },
      ],
    },
  ],
  updates: [
    {
      at: -1200,
      by: 'steel',
      health: 'on_track',
      isPublic: true,
      milestones: ['mou'],
      body: 'BMW Group and HBIS signed a memorandum to build a green low-carbon automotive steel supply chain.',
    },
    {
      at: -1000,
      by: 'steel',
      health: 'on_track',
      isPublic: false,
      milestones: ['accounting'],
      body: 'Draft CO2 accounting method shared with HBIS for comment.',
    },
    {
      at: -900,
      by: 'steel',
      health: 'at_risk',
      isPublic: false,
      milestones: ['qualify'],
      body: 'Two grades need an extra forming test; qualification moves by about a month.',
    },
    {
      at: -850,
      by: 'steel',
      health: 'on_track',
      isPublic: true,
      milestones: ['firstSupply'],
      goals: ['co2'],
      body: 'First low-carbon steel from the hydrogen metallurgy demonstration project has arrived in Shenyang.',
    },
    {
      at: -500,
      by: 'steel',
      health: 'on_track',
      isPublic: false,
      goals: ['share'],
      body: 'Low-carbon share of flat steel purchases passed 7 %.',
    },
    {
      at: -250,
      by: 'steel',
      health: 'at_risk',
      isPublic: false,
      milestones: ['eaf'],
      body: 'EAF trial: surface quality issues on the first coils.',
    },
    {
      at: -120,
      by: 'steel',
      health: 'at_risk',
      isPublic: true,
      milestones: ['ramp'],
      goals: ['share'],
      body: 'Supply ramp-up is behind plan; series models now expected to switch later this year.',
    },
    {
      at: -60,
      by: 'steel',
      health: 'on_track',
      isPublic: false,
      goals: ['co2'],
      body: 'Quarterly CO2 report received: 1,660 kg per tonne, verified against delivery certificates.',
    },
    {
      at: -45,
      by: 'steel',
      health: 'at_risk',
      isPublic: false,
      milestones: ['eaf'],
      body: 'Second EAF trial campaign shows better surfaces; still two defect types open.',
    },
    {
      at: -30,
      by: 'steel',
      health: 'on_track',
      isPublic: true,
      goals: ['co2'],
      body: 'Low-carbon steel now averages about 18 % less CO2 per tonne than the conventional baseline.',
    },
    {
      at: -20,
      by: 'steel',
      health: 'at_risk',
      isPublic: false,
      milestones: ['verify'],
      body: 'Shortlist of three verification bodies sent to purchasing.',
    },
    {
      at: -10,
      by: 'steel',
      health: 'off_track',
      isPublic: false,
      milestones: ['eaf', 'loop'],
      goals: ['co2'],
      body: 'EAF trial is overdue and still open; the recycling pilot cannot start as planned. Re-plan needed.',
    },
  ],
};

const equipmentLab: DemoLab = {
  slug: 'key-equipment-consortium',
  nameEn: 'Key Equipment Localization Consortium',
  nameZh: '关键装备国产化联合体',
  acronymEn: 'KELC',
  objectiveEn:
    'Develop and verify domestically made vacuum deposition equipment for display and semiconductor lines (demo data; illustrative).',
  objectiveZh: '研制并验证国产真空镀膜装备，用于显示和半导体产线（演示数据，仅供示意）。',
  sector: 'machinery_equipment',
  chainEn: 'Vacuum deposition equipment',
  chainZh: '真空镀膜装备',
  region: 'Hebei · Tianjin · Jiangsu',
  stage: 'pilot',
  status: 'active',
  start: -700,
  end: 700,
  visibility: 'private',
  technologies: [{ en: 'Linear evaporation sources', zh: '线性蒸发源' }],
  partners: [
    { org: 'vacuum', role: 'lead', joinedOn: -700, contribution: 'Equipment design and manufacture' },
    { org: 'institute', role: 'research_partner', joinedOn: -700, contribution: 'Process modelling' },
    { org: 'university', role: 'research_partner', joinedOn: -600, contribution: 'Materials testing', budgetCny: 3_000_000 },
  ],
  members: [{ user: 'equipment', role: 'manager', lastVisit: -30 }],
  baselineNames: ['Approved plan'],
  milestones: [
    {
      key: 'design',
      title: 'Evaporation source design review',
      description: 'Design frozen.',
      phase: 'rnd',
      owner: 'vacuum',
      baseline: [-700, -500],
      forecast: [-700, -480],
      actual: [-700, -480],
      status: 'done',
      percent: 100,
      isPublic: false,
      history: [{ at: -520, by: 'equipment', forecast: [-700, -480] }],
    },
    {
      key: 'proto',
      title: 'Prototype chamber built',
      description: 'First chamber assembled.',
      phase: 'tech_verification',
      owner: 'vacuum',
      baseline: [-480, -200],
      forecast: [-480, -150],
      actual: [-478, -150],
      status: 'done',
      percent: 100,
      isPublic: false,
      history: [{ at: -380, by: 'equipment', forecast: [-480, -150] }],
    },
    {
      key: 'model',
      title: 'Process model validated',
      description: 'Model matches measured film uniformity.',
      phase: 'tech_verification',
      owner: 'institute',
      baseline: [-400, -100],
      forecast: [-400, -15],
      actual: [-395, null],
      status: 'at_risk',
      percent: 60,
      isPublic: false,
      history: [
        { at: -250, by: 'equipment', percent: 25 },
        { at: -110, by: 'equipment', forecast: [-400, -15] },
        { at: -100, by: 'equipment', status: 'at_risk', percent: 40 },
        { at: -60, by: 'equipment', percent: 50 },
        { at: -16, by: 'equipment', percent: 60 },
      ],
    },
    {
      key: 'site',
      title: 'On-site trial at a panel line',
      description: 'Equipment trial on a customer line.',
      phase: 'pilot',
      owner: 'vacuum',
      baseline: [-100, 150],
      forecast: [40, 260],
      status: 'not_started',
      percent: 0,
      isPublic: false,
      history: [{ at: -25, by: 'equipment', forecast: [40, 260] }],
    },
    {
      key: 'order',
      title: 'First commercial order',
      description: 'First order from a line operator.',
      phase: 'commercialization',
      owner: 'vacuum',
      baseline: [200, 300],
      forecast: [280, 380],
      status: 'not_started',
      percent: 0,
      isPublic: false,
      history: [{ at: -25, by: 'equipment', forecast: [280, 380] }],
    },
    {
      key: 'series',
      title: 'Series production of the equipment',
      description: 'Series build.',
      phase: 'mass_production',
      owner: 'vacuum',
      baseline: [300, 650],
      forecast: [380, 700],
      status: 'not_started',
      percent: 0,
      isPublic: false,
      history: [{ at: -25, by: 'equipment', forecast: [380, 700] }],
    },
  ],
  dependencies: [
    ['design', 'proto', 0],
    ['proto', 'model', 0],
    ['model', 'site', 10],
    ['site', 'order', 0],
    ['order', 'series', 0],
  ],
  goals: [
    {
      key: 'uniformity',
      titleEn: 'Film thickness non-uniformity',
      titleZh: '膜厚不均匀性',
      itemKind: 'equipment',
      itemNameEn: 'Linear evaporation source',
      itemNameZh: '线性蒸发源',
      metricEn: 'Non-uniformity across substrate',
      metricZh: '基板膜厚不均匀性',
      unit: 'percent',
      direction: 'lower',
      baseline: [-650, 8],
      target: [200, 3],
      owner: 'institute',
      isPublic: false,
      milestones: ['model', 'site'],
      measurements: [
        { asOf: -500, value: 7.5, source: 'Lab test', by: 'equipment' },
        { asOf: -300, value: 6.4, source: 'Lab test', by: 'equipment' },
        { asOf: -150, value: 5.8, source: 'Lab test', by: 'equipment' },
        { asOf: -20, value: 5.1, source: 'Lab test', by: 'equipment' },
      ],
    },
    {
      key: 'localShare',
      titleEn: 'Domestic share of equipment components',
      titleZh: '装备零部件国产化率',
      itemKind: 'equipment',
      itemNameEn: 'Vacuum deposition equipment',
      itemNameZh: '真空镀膜装备',
      metricEn: 'Domestic share of bill of materials by value',
      metricZh: '物料清单国产价值占比',
      unit: 'percent',
      direction: 'raise',
      baseline: [-650, 35],
      target: [600, 80],
      owner: 'vacuum',
      isPublic: false,
      milestones: ['proto', 'series'],
      measurements: [
        { asOf: -480, value: 40, source: 'BOM review', by: 'equipment' },
        { asOf: -300, value: 48, source: 'BOM review', by: 'equipment' },
        { asOf: -120, value: 55, source: 'BOM review', by: 'equipment' },
        { asOf: -5, value: 60, source: 'BOM review', by: 'equipment' },
      ],
    },
  ],
  updates: [
    {
      at: -650,
      by: 'equipment',
      health: 'on_track',
      isPublic: false,
      body: 'Consortium kick-off: scope, budget and work packages agreed.',
    },
    {
      at: -560,
      by: 'equipment',
      health: 'on_track',
      isPublic: false,
      milestones: ['design'],
      body: 'Source concept selected after thermal simulation.',
    },
    { at: -480, by: 'equipment', health: 'on_track', isPublic: false, milestones: ['design'], body: 'Design review passed.' },
    {
      at: -380,
      by: 'equipment',
      health: 'at_risk',
      isPublic: false,
      milestones: ['proto'],
      body: 'Chamber welding supplier delayed by five weeks.',
    },
    {
      at: -300,
      by: 'equipment',
      health: 'on_track',
      isPublic: false,
      goals: ['localShare'],
      body: 'Vacuum pumps now sourced domestically.',
    },
    {
      at: -220,
      by: 'equipment',
      health: 'on_track',
      isPublic: false,
      goals: ['uniformity'],
      body: 'First uniformity map: 6.4 % across the substrate.',
    },
    {
      at: -100,
      by: 'equipment',
      health: 'at_risk',
      isPublic: false,
      milestones: ['model'],
      body: 'Process model needs a second calibration run.',
    },
    {
      at: -150,
      by: 'equipment',
      health: 'at_risk',
      isPublic: false,
      milestones: ['proto'],
      body: 'Prototype chamber complete, seven weeks late.',
    },
    {
      at: -60,
      by: 'equipment',
      health: 'at_risk',
      isPublic: false,
      milestones: ['model'],
      goals: ['uniformity'],
      body: 'Uniformity model is off by 1.2 points at the substrate edge.',
    },
    {
      at: -25,
      by: 'equipment',
      health: 'off_track',
      isPublic: false,
      milestones: ['site'],
      body: 'Customer line trial window moved to next quarter.',
    },
    {
      at: -4,
      by: 'equipment',
      health: 'at_risk',
      isPublic: false,
      goals: ['localShare'],
      body: 'Domestic share of the bill of materials reached 60 %.',
    },
  ],
};

export const demoLabs: DemoLab[] = [newDisplayLab, greenSteelLab, equipmentLab];
