#!/usr/bin/env python3
"""usage: quotes_speaker_adjusted.py GOLD.jsonl PRED.jsonl (the quotes bench's GNQA format)

Speaker accuracy as the bench's score.py counts it (the gold key, the last word of the annotated
phrase, in our speaker), and adjusted: also right when our speaker is inside the gold speaker
phrase ("Carsten Labudda" in "Carsten Labudda, Sprecher der ... Baden-Württemberg").
"""
import json, sys

gold={json.loads(l)['id']:json.loads(l) for l in open(sys.argv[1])}
n=ok=adj=0
for l in open(sys.argv[2]):
    p=json.loads(l); g=gold[p['id']]
    used=set()
    for q in p['quotes']:
        for k,gq in enumerate(g['quotes']):
            if k in used: continue
            ov=min(q['end'],gq['end'])-max(q['start'],gq['start'])
            if ov>0 and ov*2>=(gq['end']-gq['start']) and ov*2>=(q['end']-q['start']) and gq.get('speaker_key'):
                used.add(k); n+=1
                sp=(q.get('speaker') or '')
                a=gq['speaker_key'].casefold() in sp.casefold()
                ok+=a
                adj+= a or (len(sp)>3 and sp.casefold() in gq['speaker'].casefold())
                break
print(f"n={n} lenient={ok/n:.3f} adjusted={adj/n:.3f}")
