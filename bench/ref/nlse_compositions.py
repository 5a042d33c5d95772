# nlse_compositions.py — the numpy experiment behind the README's "time to accuracy" bound: max error of the single
# soliton (A = 2, v = 1, L = 50, T = 20, 10 checkpoints) for symmetric compositions of the Strang split step.
# Usage: python3 bench/ref/nlse_compositions.py N SCHEMES DTS   e.g.  python3 bench/ref/nlse_compositions.py 512 y6,kl6,s15,kl8 0.02,0.04
# Schemes: y4 (Yoshida 4), y6 (Yoshida 6A), kl6 (Kahan-Li s9odr6a), s15 (Suzuki-McLachlan s15odr8), kl8 (Kahan-Li s17odr8).
import numpy as np, sys
L=50.0; T=20.0; A=2.0; x0=-10.0; v=1.0
def exact(x,t):
    xi = x - x0 - v*t
    xi = (xi + L/2) % L - L/2
    return A/np.cosh(A*xi)*np.exp(1j*(v*x+(A*A-v*v)*t/2))
def sym(ws): ws=list(ws); return ws[::-1][:-1]+ws  # given center-first list? build palindromic from outermost..center
Y6=[0.784513610477560,0.235573213359357,-1.17767998417887]; Y6=Y6+[1-2*sum(Y6)]
Y6=Y6+Y6[-2::-1]
KL6=[0.39216144400731413927925056,0.33259913678935943859974864,-0.70624617255763935980996482,0.08221359629355080023149045,0.79854399093482996339895035]
KL6=KL6+KL6[-2::-1]
S15=[0.74167036435061295344822780,-0.40910082580003159399730010,0.19075471029623837995387626,-0.57386247111608226665638773,0.29906418130365592384446354,0.33462491824529818378495798,0.31529309239676659663205666,-0.79688793935291635401978884]
S15=S15+S15[-2::-1]
KL8=[0.13020248308889008087881763,0.56116298177510838456196441,-0.38947496264484728640807860,0.15884190655515560089621075,-0.39590389413323757733623154,0.18453964097831570709183254,0.25837438768632204729397911,0.29501172360931029887096624,-0.60550853383003451169892108]
KL8=KL8+KL8[-2::-1]
Y4=[1.3512071919596578,1-2*1.3512071919596578,1.3512071919596578]
schemes=dict(y4=Y4,y6=Y6,kl6=KL6,s15=S15,kl8=KL8)
for k,w in schemes.items(): assert abs(sum(w)-1)<1e-14,(k,sum(w))
def run(N, w, dt, nsnap=10):
    x=-L/2+np.arange(N)*L/N
    k=2*np.pi*np.fft.fftfreq(N,L/N)
    v_=np.fft.fft(exact(x,0))
    s=len(w)
    c=[w[0]/2]+[(w[i]+w[i+1])/2 for i in range(s-1)]+[w[-1]/2]
    ph=[np.exp(-0.5j*k*k*ci*dt) for ci in c]
    nsteps=int(round(T/dt)); err=0
    per=nsteps//nsnap
    for st in range(nsteps):
        v_=v_*ph[0]
        for i in range(s):
            p=np.fft.ifft(v_); p=p*np.exp(1j*np.abs(p)**2*w[i]*dt); v_=np.fft.fft(p)*ph[i+1]
        if (st+1)%per==0:
            err=max(err,np.max(np.abs(np.fft.ifft(v_)-exact(x,(st+1)*dt))))
    return err
N=int(sys.argv[1]); names=sys.argv[2].split(','); dts=[float(d) for d in sys.argv[3].split(',')]
for nm in names:
    for dt in dts:
        e=run(N,schemes[nm],dt)
        print(nm, N, dt, f"{e:.2e}", "stages", len(schemes[nm])*round(T/dt))
