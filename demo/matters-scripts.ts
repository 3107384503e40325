// The demo village's 村民说事 as scripts (a data table): when each matter was raised, by whom, what it
// says, and the steps people took on it since. demo/matters.ts replays them through the function's rules.
import type { Matter } from '../cloudfunctions/shared/matters/model';

export type Step =
  | { action: 'respond' | 'progress' | 'close'; text: string }
  | { action: 'note'; text: string; publish: boolean }
  | { action: 'assign'; to: string; body?: false; dueInDays: number; note?: string }
  | { action: 'assign'; to: string; body: true; dueInDays: number; note?: string }
  | { action: 'rate'; stars: number; comment: string }
  | { action: 'reopen'; reason: string };

export interface Script {
  daysAgo: number;
  /** China-time hour of the day raised (or hours ago, with daysAgo 0). */
  hour: number;
  /** A demo openid, or "hh:<index>" for a household head who has no demo identity. */
  by: string;
  text: string;
  category: Matter['category'];
  public: boolean;
  location?: Matter['location'];
  held?: boolean;
  /** [hours after the previous step, who (openid; the raiser for rate/reopen), the step]. */
  steps: [number, string, Step][];
}

export const SCRIPTS: Script[] = [
  {
    daysAgo: 30,
    hour: 8,
    by: 'hh:74',
    text: '前天自来水停了一整天，也没有提前通知，家里老人做饭都没水',
    category: '水电设施',
    public: true,
    steps: [
      [58, 'demo-cadre-3', { action: 'respond', text: '已与镇水厂沟通：管道抢修造成停水，今后停水至少提前一天在村群和广播通知' }],
      [80, 'demo-cadre-3', { action: 'close', text: '水厂已承诺计划停水提前通知，村里把停水通知纳入广播' }],
      [30, 'raiser', { action: 'rate', stars: 3, comment: '答复慢了点' }],
    ],
  },
  {
    daysAgo: 26,
    hour: 9,
    by: 'hh:44',
    text: '村里到镇上的班车太少了，早上只有一趟，学生上学不方便',
    category: '道路交通',
    public: true,
    steps: [
      [5, 'demo-cadre-1', { action: 'respond', text: '已向镇交通办反映，争取增加早班车' }],
      [40, 'demo-secretary', { action: 'note', text: '村委会议定：联系客运公司，争取开通7:10加班车', publish: true }],
      [2, 'demo-cadre-1', { action: 'assign', to: '镇交通办', body: true, dueInDays: 10, note: '请协调客运公司' }],
      [150, 'demo-cadre-1', { action: 'progress', text: '客运公司已同意试运行一个月' }],
      [60, 'demo-cadre-1', { action: 'close', text: '已开通7:10早班车，学生可以按时上学' }],
      [20, 'raiser', { action: 'rate', stars: 5, comment: '班车开了，孩子上学方便多了' }],
    ],
  },
  {
    daysAgo: 21,
    hour: 19,
    by: 'demo-head',
    text: '二组垃圾池满了好几天没人清运，气味很大',
    category: '环境卫生',
    public: true,
    steps: [
      [14, 'demo-cadre-2', { action: 'respond', text: '收到，今天联系保洁公司清运' }],
      [1, 'demo-cadre-2', { action: 'assign', to: 'demo-grid-1', dueInDays: 3, note: '请网格长盯一下清运' }],
      [6, 'demo-grid-1', { action: 'progress', text: '保洁公司下午来车' }],
      [30, 'demo-cadre-2', { action: 'close', text: '已清运干净，清运改为每周两次' }],
      [12, 'raiser', { action: 'rate', stars: 4, comment: '清得挺及时' }],
    ],
  },
  {
    daysAgo: 18,
    hour: 10,
    by: 'hh:60',
    text: '三组路口那盏路灯坏了一个多月了，晚上走路看不清',
    category: '水电设施',
    public: true,
    location: { name: '三组路口', latitude: 31.1261, longitude: 104.3952 },
    steps: [
      [24, 'demo-cadre-3', { action: 'respond', text: '已登记，请电工这周来换' }],
      [100, 'demo-cadre-3', { action: 'close', text: '已更换灯泡' }],
      [20, 'raiser', { action: 'rate', stars: 2, comment: '换了两天又不亮了' }],
      [2, 'raiser', { action: 'reopen', reason: '还是不亮，请彻底修好' }],
      [4, 'demo-cadre-3', { action: 'respond', text: '抱歉，这次请供电所一起查线路' }],
      [70, 'demo-cadre-3', { action: 'close', text: '已更换整套灯具和线路，连续三晚正常' }],
      [10, 'raiser', { action: 'rate', stars: 4, comment: '这次修好了' }],
    ],
  },
  {
    daysAgo: 15,
    hour: 10,
    by: 'demo-villager',
    text: '村里能不能组织一次农技培训，教教柑橘修枝和病虫害防治',
    category: '产业发展',
    public: true,
    steps: [
      [22, 'demo-cadre-1', { action: 'respond', text: '好建议，正在联系县农技站' }],
      [30, 'demo-secretary', { action: 'note', text: '下月初邀请县农技站专家来村授课，地点村文化广场', publish: true }],
      [100, 'demo-cadre-1', { action: 'close', text: '培训已举办，60余人参加，资料放在村委会可以领取' }],
      [8, 'raiser', { action: 'rate', stars: 5, comment: '专家讲得实在' }],
    ],
  },
  {
    daysAgo: 12,
    hour: 15,
    by: 'demo-villager',
    text: '家门口的排水沟堵了，下雨就漫到路上',
    category: '环境卫生',
    public: true,
    location: { name: '四组排水沟', latitude: 31.1249, longitude: 104.3987 },
    steps: [
      [20, 'demo-secretary', { action: 'respond', text: '收到，先安排清淤，再看要不要加盖板' }],
      [2, 'demo-secretary', { action: 'assign', to: 'demo-grid-1', dueInDays: 15, note: '请组织清淤，盖板费用报村委' }],
      [50, 'demo-grid-1', { action: 'progress', text: '已清出淤泥，盖板在做预算' }],
    ],
  },
  {
    daysAgo: 9,
    hour: 11,
    by: 'hh:90',
    text: '想了解今年的种粮补贴什么时候发、标准是多少',
    category: '政策咨询',
    public: true,
    steps: [
      [3, 'demo-cadre-1', { action: 'respond', text: '今年补贴按承包面积发放，预计本月底打到一卡通，标准已报镇里核定' }],
      [26, 'demo-cadre-1', { action: 'close', text: '补贴标准已在村务公开栏和村群公布' }],
    ],
  },
  {
    daysAgo: 7,
    hour: 20,
    by: 'demo-villager',
    text: '邻居在我家承包地边上堆了很多杂物，说了几次不听，不想公开说',
    category: '邻里纠纷',
    public: false,
    steps: [
      [16, 'demo-cadre-2', { action: 'respond', text: '已约双方周五上午到村委会调解' }],
      [1, 'demo-cadre-2', { action: 'note', text: '双方是亲戚，先请网格长上门沟通', publish: false }],
    ],
  },
  {
    daysAgo: 6,
    hour: 9,
    by: 'hh:110',
    text: '村小学门口车开得太快，建议装减速带',
    category: '道路交通',
    public: true,
    steps: [],
  },
  {
    daysAgo: 3,
    hour: 21,
    by: 'hh:130',
    text: '听说有人晚上在后山祠堂聚众赌博，吵得睡不着',
    category: '治安消防',
    public: true,
    held: true,
    steps: [],
  },
  {
    daysAgo: 1,
    hour: 8,
    by: 'demo-head',
    text: '村卫生室周末能不能开半天门？老人拿药不方便',
    category: '其他',
    public: true,
    steps: [],
  },
  {
    daysAgo: 0,
    hour: 2,
    by: 'hh:15',
    text: '文化广场的健身器材有一个扶手松了，小孩玩有危险',
    category: '治安消防',
    public: true,
    location: { name: '村文化广场', latitude: 31.1275, longitude: 104.3969 },
    steps: [],
  },
];
