import re, collections, sys
ids=set(); rows=[]; bad=0
for part in ['dev','test']:
    with open(f'{part}.tsv',encoding='utf-8') as f:
        lines=f.read().split('\n')
    assert lines[0]=='id\tcategory\tto\tsource\texpected\tnote', lines[0]
    for n,l in enumerate(lines[1:],2):
        if not l: continue
        c=l.split('\t')
        if len(c)!=6: print('FIELDS',part,n,len(c)); bad+=1; continue
        if c[0] in ids: print('DUP',c[0]); bad+=1
        ids.add(c[0]); rows.append((part,*c))
tok=re.compile(r'https?://\S+|[\w.+-]+@[\w.-]+\.[a-z]+|@\S+|`[^`]*`|print\([^)]*\)|\S+\.(?:docx|xlsx|json)|/\S+')
punct=re.compile(r'[，。、；：？！「」『』《》（）　]')
trad=set('這們說國會時後發對於與來個為過還開關邊區體壓實現點華問題經應')
simp=set('这们说国会时后发对于与来个为过还开关边区体压实现点华问题经应')
for part,i,cat,to,src,exp,note in rows:
    if to not in ('zh-Hant','zh-Hans'): print('TO',i); bad+=1
    ts,te=tok.findall(src),tok.findall(exp)
    if ts!=te: print('TOKEN',i,ts,te); bad+=1
    if punct.findall(src)!=punct.findall(exp): print('PUNCT',i); bad+=1
    prose=tok.sub('',exp)
    wrong = (simp-trad) if to=='zh-Hant' else (trad-simp)
    w=[ch for ch in prose if ch in wrong]
    if w: print('SCRIPT?',i,w)
    L=len(tok.sub('',src).replace(' ',''))
    if not 10<=L<=40: print('LEN',i,L)
    if src==exp and cat!='passthrough': print('IDENTICAL',i)
c=collections.Counter((r[2],r[3],r[0]) for r in rows)
cats=sorted({r[2] for r in rows})
print(f"{'category':15}{'Hant-dev':>9}{'Hant-test':>10}{'Hans-dev':>9}{'Hans-test':>10}{'total':>7}")
for k in cats:
    v=[c[(k,t,p)] for t in ('zh-Hant','zh-Hans') for p in ('dev','test')]
    print(f"{k:15}{v[0]:>9}{v[1]:>10}{v[2]:>9}{v[3]:>10}{sum(v):>7}")
print('dev',sum(1 for r in rows if r[0]=='dev'),'test',sum(1 for r in rows if r[0]=='test'),'total',len(rows),'bad',bad)
