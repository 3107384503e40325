// The security rules a deployment sets. Every read and write goes through the cloud functions
// (which run as the administrator), so no collection is open to the mini-program, and a stored file
// is readable only through the functions or by the user who uploaded it (photos, voice notes and
// import spreadsheets carry personal data: ID and phone numbers).
//
// Both are the console's simple permissions (AclTag), the form manager-node's DescribeDatabaseACL /
// ModifyDatabaseACL and storage getStorageAcl / setStorageAcl read and write:
//   ADMINONLY  仅管理端可读写
//   PRIVATE    仅创建者及管理员可读写
export const DATABASE_ACL = 'ADMINONLY';
export const STORAGE_ACL = 'PRIVATE';

export const ACL_WORDS: Record<string, string> = {
  READONLY: '所有用户可读，仅创建者和管理员可写',
  PRIVATE: '仅创建者及管理员可读写',
  ADMINWRITE: '所有用户可读，仅管理员可写',
  ADMINONLY: '仅管理员可读写',
  CUSTOM: '自定义安全规则',
};
