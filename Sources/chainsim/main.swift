print("chainsim")
