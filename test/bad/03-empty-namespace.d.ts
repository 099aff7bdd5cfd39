// expect: Module `env` declares no functions
// at: 3:26
export declare namespace env {}
