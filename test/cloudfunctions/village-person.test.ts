import {
  idCheckDigit,
  idLast4,
  idNumberProblem,
  isRelation,
  maskName,
  matchesRealName,
  nameProblem,
  phoneProblem,
} from '../../cloudfunctions/shared/village/person';
import { validId } from '../village/fixtures';

describe('ID numbers (GB 11643)', () => {
  test('a published example passes, with an X check digit too', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem(' 11010519491231002x ')).toBeNull();
    expect(idNumberProblem(validId())).toBeNull();
  });
  test('a wrong check digit, a wrong length, letters, an impossible birth date are refused with a reason', () => {
    expect(idNumberProblem('110105194912310021')).toBe('身份证号校验位不对，请核对');
    expect(idNumberProblem('11010519491231002')).toBe('身份证号应为18位（最后一位可以是X）');
    expect(idNumberProblem('1101051949123100AX')).toBe('身份证号应为18位（最后一位可以是X）');
    const feb30 = '510603' + '19800230' + '123';
    expect(idNumberProblem(feb30 + idCheckDigit(feb30))).toBe('身份证号中的出生日期不对');
    expect(idNumberProblem('')).toBe('缺少身份证号');
  });
  test('a number Excel stored as a float is named as such', () => {
    expect(idNumberProblem('1.1010519491231002e+17')).toContain('科学计数法');
  });
  test('last 4', () => {
    expect(idLast4('11010519491231002x')).toBe('002X');
  });
});

test('mobile numbers: 11 digits from 1[3-9]; none is allowed', () => {
  expect(phoneProblem('')).toBeNull();
  expect(phoneProblem('138 0013 8000')).toBeNull();
  expect(phoneProblem('12800138000')).not.toBeNull();
  expect(phoneProblem('1380013800')).not.toBeNull();
});

test('relations and names', () => {
  expect(isRelation('户主')).toBe(true);
  expect(isRelation('表哥')).toBe(false);
  expect(nameProblem('  ')).toBe('缺少姓名');
  expect(nameProblem('买买提·艾力')).toBeNull();
  expect(nameProblem('张3')).not.toBeNull();
  expect(maskName('李长青')).toBe('李**');
});

test('real-name match: the same name and the same last 4 of the ID number', () => {
  const member = { name: '李长青', idNumber: '11010519491231002X' };
  expect(matchesRealName(member, ' 李长青 ', '002x')).toBe(true);
  expect(matchesRealName(member, '李长清', '002X')).toBe(false);
  expect(matchesRealName(member, '李长青', '0021')).toBe(false);
  expect(matchesRealName({ name: '李长青', idNumber: '' }, '李长青', '002X')).toBe(false);
});
