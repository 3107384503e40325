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
