// Application errors: a stable code (typings/errors.ts) and a short Chinese message for the user.
import type { AppErrorBody, ErrorCode } from '../../typings';

const MESSAGES: Record<ErrorCode, string> = {
  'COMMON.INVALID_INPUT': '填写的内容有误，请检查后再试',
  'COMMON.UNKNOWN_ACTION': '不支持的操作',
  'COMMON.NOT_FOUND': '没有找到相关内容',
  'COMMON.INTERNAL': '系统繁忙，请稍后再试',
  'COMMON.BUSY': '操作的人较多，请稍后再试',
  'AUTH.NO_IDENTITY': '无法识别您的微信身份，请在微信中打开',
  'AUTH.NOT_JOINED': '您还没有加入村庄',
  'AUTH.FORBIDDEN': '您没有权限进行此操作',
  'AUTH.OTHER_VILLAGE': '不能查看或修改其他村的数据',
  'AUTH.PENDING': '您的加入申请正在等待村干部确认',
  'AUTH.LEFT': '您已不是本村村民，如需加入请重新申请',
  'AUTH.OWN_HOUSEHOLD': '这件事涉及您自己家，请由其他村干部办理',
  'COMMON.DAILY_LIMIT': '今天的次数已经用完了，请明天再来',
  'JOIN.BAD_CODE': '邀请码不对，请核对后再输入',
  'JOIN.EXPIRED': '邀请码已过期，请重新获取',
  'JOIN.USED_UP': '邀请码已被用完，请重新获取',
  'JOIN.ALREADY_JOINED': '您已经加入了村庄',
  'JOIN.ALREADY_PENDING': '您已提交过加入申请，请等待村干部确认',
  'JOIN.NAME_MISMATCH': '姓名与邀请不符',
  'JOIN.MEMBER_TAKEN': '这位家庭成员已绑定了其他微信',
  'VILLAGE.NAME_TAKEN': '本镇已有同名的村',
  'VILLAGE.HOUSEHOLD_NO_TAKEN': '这个户号已经有了',
  'VILLAGE.ID_TAKEN': '这个身份证号已在本村登记',
  'VILLAGE.BAD_GRID': '网格或联户小组不对',
  'VILLAGE.HEAD_EXISTS': '这一户已经有户主了',
  'VILLAGE.HEAD_MUST_STAY': '户主不能迁出或离开，请先更换户主',
  'VILLAGE.MEMBER_LEFT': '这位成员已经离开了',
  'VILLAGE.ALREADY_DECIDED': '这条申请已经处理过了',
  'VILLAGE.NOT_A_VILLAGER': '只能任命本村已加入的村民',
  'IMPORT.BAD_FILE': '文件无法读取，请使用模板格式的 .xlsx 或 .csv 文件',
  'IMPORT.TOO_LARGE': '文件太大，请分批导入',
  'IMPORT.HAS_PROBLEMS': '文件中还有问题，请修改后再导入',
  'SHOP.CLOSED': '积分超市现在没有开放，请在兑换活动期间再来',
  'SHOP.OFF_SHELF': '这件商品已经下架了',
  'SHOP.SOLD_OUT': '这件商品已经兑完了',
  'SHOP.NOT_ENOUGH_POINTS': '您家的可用积分不够',
  'SHOP.LIMIT_REACHED': '这件商品本期兑换已达上限',
  'SHOP.ORDER_CLOSED': '这个兑换单已经领取、取消或过期了',
  'CERT.TOO_MANY_TRIES': '核验码输错的次数太多了，请一小时后再试',
  'MATTER.WRONG_STATE': '这件说事现在不能这样办理，请刷新后再看',
  'MATTER.ALREADY_RATED': '您已经评价过这件说事了',
  'MATTER.REOPEN_USED': '每件说事只能申请重新办理一次',
  'MATTER.REOPEN_NOT_ALLOWED': '评价为1–2星的说事才可以申请重新办理',
  'MATTER.CHANGED': '这件说事刚被别人办理过，请刷新后再试',
  'BOARD.NOT_SIGNED_OFF': '财务公开须经村务监督委员会审核签字后才能发布',
  'BOARD.PUBLISHED': '已经发布的内容不能再修改',
  'BOARD.WRONG_STATE': '这条内容现在不能这样办理，请刷新后再看',
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Overrides the default message when a more precise one helps the user. */
    message?: string,
  ) {
    super(message ?? MESSAGES[code]);
  }

  toBody(): AppErrorBody {
    return { code: this.code, message: this.message };
  }
}

export function messageOf(code: ErrorCode): string {
  return MESSAGES[code];
}
