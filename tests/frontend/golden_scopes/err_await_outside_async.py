# A compiler error (not symtable's) in a nested function.
def outer():
    async def inner():
        await x
    def plain():
        return await y
