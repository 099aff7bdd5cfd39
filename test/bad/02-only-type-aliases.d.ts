// expect: No import modules declared
// at: 1:1
type Handle = u32;
