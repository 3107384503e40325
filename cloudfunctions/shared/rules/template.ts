// The "5+X" template of 村规民约积分条款: five common categories and a few local examples, which a
// village adopts as its own and edits. Our own wording, after the practice DOMAIN.md describes.
import * as z from 'zod';

export const RULE_CATEGORIES = ['爱国守法', '生态宜居', '产业兴旺', '乡风文明', '共建共治', '本村特色'] as const;

export const ruleItemSchema = z.object({
  /** Stable within a village across versions, e.g. "B03". */
  code: z.string().regex(/^[A-Z][0-9]{2}$/),
  category: z.enum(RULE_CATEGORIES),
  name: z.string().min(2).max(60),
  /** Positive adds, negative deducts. */
  points: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .refine((n) => n !== 0),
  unit: z.enum(['每次', '每月', '每年']),
  /** How many times a household may score it per period; null means no cap. */
  cap: z.object({ period: z.enum(['month', 'quarter', 'year']), times: z.number().int().min(1).max(100) }).nullable(),
  evidence: z.enum(['photo', 'none']),
  /** Who may record it. Deductions are always cadres only. */
  recordedBy: z.array(z.enum(['self', 'gridLeader', 'cadre'])).min(1),
});
export type RuleItem = z.infer<typeof ruleItemSchema>;

type Row = [
  code: string,
  name: string,
  points: number,
  unit: RuleItem['unit'],
  cap: RuleItem['cap'],
  evidence: RuleItem['evidence'],
  by: RuleItem['recordedBy'],
];

const SELF_UP: RuleItem['recordedBy'] = ['self', 'gridLeader', 'cadre'];
const LEADERS: RuleItem['recordedBy'] = ['gridLeader', 'cadre'];
const CADRE: RuleItem['recordedBy'] = ['cadre'];
const perMonth = (times: number): RuleItem['cap'] => ({ period: 'month', times });
const perYear = (times: number): RuleItem['cap'] => ({ period: 'year', times });

const ROWS: Record<(typeof RULE_CATEGORIES)[number], Row[]> = {
  爱国守法: [
    ['A01', '按时参加党员活动日或村民大会', 2, '每次', perMonth(2), 'none', LEADERS],
    ['A02', '依法按时参加兵役登记、人口普查等', 3, '每次', perYear(2), 'none', LEADERS],
    ['A03', '主动调解邻里纠纷并成功化解', 5, '每次', perMonth(2), 'photo', LEADERS],
    ['A04', '举报违法线索经查属实', 5, '每次', perYear(4), 'none', CADRE],
    ['A05', '参与禁毒、反诈宣传', 2, '每次', perMonth(2), 'photo', SELF_UP],
    ['A06', '违法违规受到行政处罚', -20, '每次', null, 'none', CADRE],
    ['A07', '无理上访、缠访闹访', -10, '每次', null, 'none', CADRE],
    ['A08', '参与赌博或传播封建迷信', -10, '每次', null, 'none', CADRE],
  ],
  生态宜居: [
    ['B01', '房前屋后干净整洁、柴草堆放有序', 2, '每月', perMonth(1), 'photo', SELF_UP],
    ['B02', '生活垃圾分类投放', 1, '每次', perMonth(4), 'photo', SELF_UP],
    ['B03', '参加村内环境卫生集中整治', 3, '每次', perMonth(2), 'photo', SELF_UP],
    ['B04', '庭院绿化美化，评为美丽庭院', 10, '每年', perYear(1), 'photo', CADRE],
    ['B05', '河道、沟渠保洁巡查', 2, '每次', perMonth(4), 'photo', SELF_UP],
    ['B06', '乱扔垃圾、乱倒污水', -3, '每次', null, 'photo', CADRE],
    ['B07', '焚烧秸秆或垃圾', -5, '每次', null, 'photo', CADRE],
    ['B08', '违规占用公共道路堆放杂物', -3, '每次', null, 'photo', CADRE],
  ],
  产业兴旺: [
    ['C01', '参加农业技术或职业技能培训', 2, '每次', perMonth(2), 'photo', SELF_UP],
    ['C02', '发展特色种养或家庭农场', 10, '每年', perYear(1), 'photo', CADRE],
    ['C03', '带动其他农户增收致富', 5, '每次', perYear(4), 'none', CADRE],
    ['C04', '按时缴纳合作社股金、参与分红大会', 2, '每次', perYear(2), 'none', LEADERS],
    ['C05', '返乡创业并吸纳本村村民就业', 10, '每年', perYear(1), 'photo', CADRE],
    ['C06', '土地撂荒或违规改变耕地用途', -10, '每次', null, 'photo', CADRE],
  ],
  乡风文明: [
    ['D01', '孝敬老人、赡养父母，评为孝老爱亲家庭', 10, '每年', perYear(1), 'none', CADRE],
    ['D02', '红白事简办、不大操大办', 5, '每次', perYear(2), 'none', LEADERS],
    ['D03', '子女考入大学或获得县级以上表彰', 5, '每次', perYear(2), 'photo', LEADERS],
    ['D04', '参加志愿服务', 2, '每次', perMonth(4), 'photo', SELF_UP],
    ['D05', '帮扶困难户、留守老人儿童', 3, '每次', perMonth(2), 'photo', SELF_UP],
    ['D06', '无偿献血', 5, '每次', perYear(2), 'photo', SELF_UP],
    ['D07', '虐待、遗弃家庭成员', -20, '每次', null, 'none', CADRE],
    ['D08', '高价彩礼、借机敛财', -10, '每次', null, 'none', CADRE],
  ],
  共建共治: [
    ['E01', '参加村民代表会议、议事协商', 2, '每次', perMonth(2), 'none', LEADERS],
    ['E02', '参加义务巡逻、防汛、森林防火', 3, '每次', perMonth(4), 'photo', SELF_UP],
    ['E03', '为村庄发展建言献策被采纳', 5, '每次', perYear(4), 'none', CADRE],
    ['E04', '按时参加"村民说事"并评价', 1, '每次', perMonth(2), 'none', LEADERS],
    ['E05', '配合公共设施建设、无偿让地', 10, '每次', perYear(2), 'photo', CADRE],
    ['E06', '阻挠公共工程建设', -10, '每次', null, 'none', CADRE],
  ],
  本村特色: [
    ['X01', '参加文物保护巡护队巡查', 3, '每次', perMonth(4), 'photo', SELF_UP],
    ['X02', '参加村里文艺队、坝坝舞演出', 2, '每次', perMonth(2), 'photo', SELF_UP],
    ['X03', '在村集体产业基地义务务工', 2, '每次', perMonth(4), 'photo', LEADERS],
  ],
};

/** The template's items, validated: the template is data a village copies, so it must be well-formed. */
export const TEMPLATE_ITEMS: RuleItem[] = RULE_CATEGORIES.flatMap((category) =>
  ROWS[category].map(([code, name, points, unit, cap, evidence, recordedBy]) =>
    ruleItemSchema.parse({ code, category, name, points, unit, cap, evidence, recordedBy: points < 0 ? CADRE : recordedBy }),
  ),
);
