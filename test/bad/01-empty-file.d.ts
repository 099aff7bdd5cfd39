// expect: No import modules declared
// at: 1:1
