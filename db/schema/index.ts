export * from './organisations';
export * from './labs';
export * from './users';
export * from './milestones';
export * from './goals';
export * from './updates';
export * from './audit';
export * from './relations';
