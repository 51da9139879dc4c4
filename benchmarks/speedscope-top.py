import json,sys,collections
d=json.load(open(sys.argv[1]))
frames=[f['name'] for f in d['shared']['frames']]
excl=collections.Counter(); incl=collections.Counter(); total=0
for p in d['profiles']:
    if p['type']=='evented':
        stack=[]; last=None
        for e in p['events']:
            t=e['at']
            if stack and last is not None:
                dt=t-last; total+=dt; excl[stack[-1]]+=dt
                for f in set(stack): incl[f]+=dt
            last=t
            if e['type']=='O': stack.append(e['frame'])
            else:
                if stack: stack.pop()
    else:
        for s,w in zip(p['samples'],p['weights']):
            total+=w
            if s: excl[s[-1]]+=w
            for f in set(s): incl[f]+=w
filt=sys.argv[2] if len(sys.argv)>2 else ''
print('total',total)
print('--- exclusive top 25')
for f,v in excl.most_common(25): print(f'{100*v/total:5.1f}%  {frames[f][:150]}')
print('--- inclusive (filtered by %r) top 25'%filt)
for f,v in [x for x in incl.most_common(400) if filt in frames[x[0]]][:25]: print(f'{100*v/total:5.1f}%  {frames[f][:150]}')
